import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The text of each page of a PDF, as pdf.js reads it (through pdf-parse). pdf.js loads its
 * worker with a dynamic import, which Jest's CommonJS sandbox cannot run, so a child Node reads it.
 */
export function pdfPages(pdf: Buffer): Promise<string[]> {
  const script = `
    import { PDFParse } from 'pdf-parse';
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
    const result = await parser.getText();
    await parser.destroy();
    process.stdout.write(JSON.stringify(result.pages.map((page) => page.text)));
  `;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '--eval', script],
      { cwd: path.resolve(__dirname, '..'), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as string[]),
    );
    child.stdin?.end(pdf);
  });
}
