/** A run's, step's, delivery's or schedule's status as a coloured label (the word is always there). */
export function Status({ value }: { value: string }) {
  return <span className={`status status-${value}`}>{value}</span>;
}
