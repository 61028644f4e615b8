/** Files in one zip (the archive package as one download), with JSZip. */
import JSZip from 'jszip';

export async function zipOf(files: Array<{ name: string; body: Buffer }>, folder: string, date = new Date()): Promise<Buffer> {
  const zip = new JSZip();
  // One folder inside, so that unpacking never spreads the files over someone's Downloads.
  for (const f of files) zip.file(`${folder}/${f.name}`, f.body, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
