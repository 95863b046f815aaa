import { type PolicyRules, type RuleChange, ruleLines } from './policy-words.ts';

/** A version's rules, each in words. */
export function RuleList(props: { rules: PolicyRules }) {
  return (
    <dl class="rules">
      {ruleLines(props.rules).map((line) => (
        <div key={line.key}>
          <dt>{line.label}</dt>
          <dd>{line.text}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What a version changes, one rule a line: “Target 99.9 % → 99.95 %”. */
export function ChangeList(props: { changes: RuleChange[] }) {
  if (props.changes.length === 0) return <p>No rule changes.</p>;
  return (
    <ul class="changes">
      {props.changes.map((change) => (
        <li key={change.key}>
          <strong>{change.label}</strong> {change.from} → {change.to}
        </li>
      ))}
    </ul>
  );
}
