/** Filter the list by one keyword in use (a native select: keyboard and screen readers for free). */
export interface KeywordCount {
  readonly keyword: string;
  readonly count: number;
}

export function KeywordFilter({
  keywords,
  value,
  onChange,
}: {
  keywords: readonly KeywordCount[];
  value: string | null;
  onChange: (keyword: string | null) => void;
}) {
  // The remembered filter stays selectable even if no story carries it any more.
  const options = value && !keywords.some((k) => k.keyword === value) ? [{ keyword: value, count: 0 }, ...keywords] : keywords;
  return (
    <label className="cd-filter">
      <span className="cd-filter__label">Keyword</span>
      <select
        className="cd-select"
        aria-label="Filter by keyword"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">All keywords</option>
        {options.map((k) => (
          <option key={k.keyword} value={k.keyword}>
            {k.keyword} ({k.count})
          </option>
        ))}
      </select>
    </label>
  );
}
