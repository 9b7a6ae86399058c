/** The import suite's generated file (shared by the Node and the in-page halves; no Node APIs). */
/** The bench file: every phone unique, a quarter of group cells quoted, notes with commas. */
export function generateCsv(rows: number): string {
  const parts = ['Full Name,Email,Phone,Groups,Notes\r\n'];
  for (let i = 0; i < rows; i++) {
    const high = String(Math.floor(i / 10_000)).padStart(3, '0');
    const low = String(i % 10_000).padStart(4, '0');
    const phone =
      i % 4 === 0
        ? `082 ${high} ${low}`
        : i % 4 === 1
          ? `+27 71 ${high} ${low}`
          : i % 4 === 2
            ? `(083) ${high}-${low}`
            : `+44 7700 9${String(i).padStart(5, '0')}`;
    const groups = i % 4 === 0 ? '"Sales, Berlin"' : i % 4 === 1 ? 'Support' : 'Field; Safety';
    const notes =
      i % 5 === 0 ? `"Says ""hi"", joined ${2000 + (i % 25)}"` : `Met at conference ${i % 97}`;
    parts.push(`Person ${i} Example,person${i}@example.com,${phone},${groups},${notes}\r\n`);
  }
  return parts.join('');
}
