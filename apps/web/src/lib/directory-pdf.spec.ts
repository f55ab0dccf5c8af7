import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';

it('probe', async () => {
  const parser = new PDFParse({ data: readFileSync('/tmp/probe.pdf') });
  const result = await parser.getText();
  console.log(JSON.stringify(result).slice(0, 500));
  await parser.destroy();
});
