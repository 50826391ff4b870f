/** Text whose `backticked` parts are shown as code (the OpenAPI descriptions use them). */
export function InlineCode({ text }: { text: string }) {
  return <>{text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}
