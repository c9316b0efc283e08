// npm run build's second step: the pages' CSS, JavaScript and favicon into dist/assets (src/web/asset-build.ts).
import { buildAssets } from '../src/web/asset-build.js'

const manifest = await buildAssets()
console.log(`assets built: ${manifest.stylesheet} ${manifest.script} ${manifest.favicon}`)
