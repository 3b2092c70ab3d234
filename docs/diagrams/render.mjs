// Renders every diagram in processes/ to an SVG picture in docs/diagrams/, with bpmn-js in
// headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM). Run: npm run render:diagrams
// Each picture records the SHA-256 of the diagram it shows; DiagramPicturesTest fails when a
// diagram changed and its picture was not rendered again.
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const viewer = readFileSync(join(root, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const styles = ['diagram-js.css', 'bpmn-js.css'].map(css =>
  readFileSync(join(root, 'node_modules/bpmn-js/dist/assets', css), 'utf8')).join('\n');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setContent(`<html><head><style>${styles}</style></head><body><div id="canvas"></div></body></html>`);
  await page.addScriptTag({ content: viewer });
  for (const file of readdirSync(join(root, 'processes')).filter(name => name.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(root, 'processes', file), 'utf8');
    const svg = await page.evaluate(async diagram => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      await viewer.importXML(diagram);
      const { svg } = await viewer.saveSVG();
      viewer.destroy();
      return svg;
    }, xml);
    const hash = createHash('sha256').update(xml).digest('hex');
    const out = join(root, 'docs/diagrams', file.replace(/\.bpmn$/, '.svg'));
    writeFileSync(out, svg.replace(/^(<\?xml[^>]*\?>)?/, `$1\n<!-- rendered from processes/${file} sha256:${hash} -->\n`));
    console.log(`rendered ${file} -> ${out}`);
  }
} finally {
  await browser.close();
}
