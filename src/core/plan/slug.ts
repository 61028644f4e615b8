/** "Fokusområde" → "fokusomrade", "Exempelby kommun" → "exempelby-kommun": Swedish words as ids and folder names. */
export function slug(text: string, fallback: string): string {
  return (
    text
      .toLocaleLowerCase('sv')
      .replace(/[åä]/g, 'a')
      .replace(/ö/g, 'o')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || fallback
  );
}
