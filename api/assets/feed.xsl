<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows the Atom feed as a page when a browser opens it (docs/decisions/155): the feed's
  title, what a feed is for and its address, then each entry. Feed readers ignore this.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="yes"
    doctype-system="about:legacy-compat"/>

  <xsl:template match="/atom:feed">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="atom:title"/></title>
        <link rel="stylesheet" href="/api/v1/feed.css"/>
      </head>
      <body>
        <header class="site-header">
          <a class="brand" href="{atom:link[@rel='alternate']/@href}">
            <xsl:value-of select="atom:author/atom:name"/>
          </a>
        </header>
        <main id="main">
          <h1><xsl:value-of select="atom:title"/></h1>
          <section class="about" aria-labelledby="about-title">
            <h2 id="about-title">This is a news feed</h2>
            <p>
              Paste its address into a feed reader to hear of new incidents and maintenance
              as they are posted. You can read the latest ones below.
            </p>
            <p class="address">
              <label for="feed-address">Feed address</label>
              <input id="feed-address" type="text" readonly="readonly"
                value="{atom:link[@rel='self']/@href}"/>
            </p>
            <p>
              Rather have email? <a href="/subscribe/">Subscribe to updates</a> ·
              <a href="{atom:link[@rel='alternate']/@href}">Current status</a>
            </p>
          </section>
          <h2>Latest incidents and maintenance</h2>
          <xsl:choose>
            <xsl:when test="atom:entry">
              <ol class="entries">
                <xsl:apply-templates select="atom:entry"/>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p class="empty">Nothing has been posted yet.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
        <footer class="site-footer">
          <p>All times are UTC.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li class="entry">
      <h3>
        <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      </h3>
      <p class="meta">
        Updated <time datetime="{atom:updated}">
          <xsl:value-of select="concat(substring(atom:updated, 1, 10), ' ', substring(atom:updated, 12, 5))"/>
        </time>
      </p>
      <p class="summary"><xsl:value-of select="atom:summary"/></p>
      <p class="content"><xsl:value-of select="atom:content"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
