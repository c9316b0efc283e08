// Builds the pages' static files into dist/assets with content-hashed names (README: Pages, asset build):
// GOV.UK Frontend's Sass compiled with the service's branding settings by `sass` (pure JavaScript), its
// JavaScript and a small module that starts it, and the favicon. `npm run build` runs it; a server that finds
// no up-to-date build (e.g. a single test file run straight after a pull) runs it once itself.
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_BRAND_COLOUR, templateBackgroundOf } from '../domain/branding.js'
import { projectRoot } from '../project-root.js'
import { GOVUK_DIST } from './govuk.js'

/** The URLs the layout links to, each under /assets/ with its content hash in the name. */
const manifestSchema = z.object({
  /** Hash of everything the build reads: a different one means the build is stale. */
  sources: z.string(),
  stylesheet: z.string(),
  script: z.string(),
  favicon: z.string()
})
export type AssetManifest = z.infer<typeof manifestSchema>

export const ASSETS_DIR = path.join(projectRoot(), 'dist', 'assets')
const SOURCE_DIR = path.join(projectRoot(), 'src', 'web', 'assets')
const MANIFEST = 'manifest.json'

const hashOf = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex')

interface Inputs {
  scss: string
  favicon: string
  frontendJs: string
  version: string
}

async function readInputs (): Promise<Inputs> {
  const frontendJs = await readFile(path.join(GOVUK_DIST, 'govuk', 'govuk-frontend.min.js'), 'utf8')
  const pkg = z.object({ version: z.string() }).parse(
    JSON.parse(await readFile(path.join(GOVUK_DIST, '..', 'package.json'), 'utf8'))
  )
  return {
    scss: await readFile(path.join(SOURCE_DIR, 'app.scss'), 'utf8'),
    favicon: await readFile(path.join(SOURCE_DIR, 'favicon.svg'), 'utf8'),
    frontendJs,
    version: pkg.version
  }
}

const sourcesHash = (i: Inputs): string =>
  hashOf([i.scss, i.favicon, i.frontendJs, i.version, DEFAULT_BRAND_COLOUR].join('\0'))

/** Writes one file under its hashed name (atomically: a concurrent build never serves half a file). */
async function emit (dir: string, base: string, ext: string, content: string): Promise<string> {
  const name = `${base}-${hashOf(content).slice(0, 12)}${ext}`
  const temp = path.join(dir, `.${name}.${process.pid}`)
  await writeFile(temp, content)
  await rename(temp, path.join(dir, name))
  return `/assets/${name}`
}

/** sass (5.7 MB of JavaScript) is loaded only when a build is needed, never by a server that finds one. */
async function compileStylesheet (scss: string): Promise<string> {
  const { compileString } = await import('sass')
  // Variables declared before the @use rules configure GOV.UK Frontend (src/web/assets/app.scss).
  const settings = `$app-brand-colour: ${DEFAULT_BRAND_COLOUR};\n` +
    `$app-template-background: ${templateBackgroundOf(DEFAULT_BRAND_COLOUR)};\n`
  return compileString(settings + scss, {
    loadPaths: [path.join(projectRoot(), 'node_modules')],
    url: new URL(`file://${path.join(SOURCE_DIR, 'app.scss')}`),
    style: 'compressed',
    quietDeps: true
  }).css
}

export async function buildAssets (dir = ASSETS_DIR): Promise<AssetManifest> {
  const inputs = await readInputs()
  await mkdir(dir, { recursive: true })
  const frontend = await emit(
    dir,
    'govuk-frontend',
    '.min.js',
    inputs.frontendJs.replace(/\/\/# sourceMappingURL=\S+\s*$/, '')
  )
  const manifest: AssetManifest = {
    sources: sourcesHash(inputs),
    stylesheet: await emit(dir, 'app', '.css', await compileStylesheet(inputs.scss)),
    // An external module (CSP script-src 'self'); browsers without modules keep the no-JavaScript pages.
    script: await emit(dir, 'init', '.js', `import { initAll } from '${frontend}'\ninitAll()\n`),
    favicon: await emit(dir, 'favicon', '.svg', inputs.favicon.replaceAll('@brand@', DEFAULT_BRAND_COLOUR))
  }
  const temp = path.join(dir, `.${MANIFEST}.${process.pid}`)
  await writeFile(temp, JSON.stringify(manifest, null, 2))
  await rename(temp, path.join(dir, MANIFEST))
  return manifest
}

/** The built assets, building them first when there is no build or it is older than its sources. */
export async function loadAssets (dir = ASSETS_DIR): Promise<AssetManifest> {
  const wanted = sourcesHash(await readInputs())
  try {
    const manifest = manifestSchema.safeParse(JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')))
    if (manifest.success && manifest.data.sources === wanted) return manifest.data
  } catch {
    // no build yet
  }
  return await buildAssets(dir)
}
