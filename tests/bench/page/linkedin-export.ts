/**
 * A LinkedIn Connections.csv (2024 layout, notes lines above the header) of `n` people in which
 * 1 % of the rows are bad the ways real exports are (issue 12): a stray quote, more cells than the
 * header, a profile URL whose slug holds `’`, an email cell `urn:li:member:…`. The first two kinds
 * are invalid rows; the other two keep the person and drop the field with a warning.
 */
export function linkedInExportWithBadRows(n: number): { bytes: Uint8Array; invalid: number; warnings: number } {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  const first = ['Amara', 'Jürgen', 'Siobhán', 'Tomás', 'Priya', 'Nguyễn', 'Sofía', 'Łukasz', 'Mei', 'Kwame'];
  let invalid = 0;
  let warnings = 0;
  for (let i = 0; i < n; i++) {
    const given = first[i % first.length]!;
    const family = `Real${i % 991}`;
    const url = `https://www.linkedin.com/in/real-person-${i}`;
    const email = i % 3 === 0 ? '' : `person${i}@real${i % 50}.example`;
    const company = i % 7 === 0 ? `"Company ${i % 1000}, Ltd."` : `Company ${i % 1000}`;
    const date = `${String(1 + (i % 28)).padStart(2, '0')} Mar 2024`;
    if (i % 100 === 50) {
      switch (Math.floor(i / 100) % 4) {
        case 0:
          invalid++;
          lines.push(`${given},${family},${url},${email},"Stray" Ventures,Partner,${date}`);
          continue;
        case 1:
          invalid++;
          lines.push(`${given},${family},${url},${email},${company},CFO,${date},extra,cells`);
          continue;
        case 2:
          warnings++;
          lines.push(`${given},${family},https://www.linkedin.com/in/o’person-${i},${email},${company},Lead,${date}`);
          continue;
        default:
          warnings++;
          lines.push(`${given},${family},${url},urn:li:member:${100000 + i},${company},Advisor,${date}`);
          continue;
      }
    }
    lines.push(`${given},${family},${url},${email},${company},Role ${i % 37},${date}`);
  }
  return { bytes: new TextEncoder().encode(lines.join('\n') + '\n'), invalid, warnings };
}
