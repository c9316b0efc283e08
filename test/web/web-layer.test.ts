// The shared web layer: escaping by default, the layout's landmarks, and the cached stylesheet route.
import t from 'tap'
import Fastify from 'fastify'
import { html, raw } from '../../src/render/html.js'
import { layoutOf } from '../../src/web/layout.js'
import { govukInlineScript } from '../../src/web/govuk.js'
import web, { useHtmlErrorPages } from '../../src/web/plugin.js'
import { loadAssets } from '../../src/web/asset-build.js'
import { DomainError } from '../../src/domain/errors.js'

t.test('html escapes interpolations unless marked raw', async (t) => {
  const evil = '<script>alert("x")</script>&\''
  t.equal(html`<p>${evil}</p>`.value, '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>')
  t.equal(html`<p>${raw('<b>ok</b>')}</p>`.value, '<p><b>ok</b></p>')
  t.equal(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value, '<ul><li>a&lt;</li><li>b</li></ul>')
  t.equal(html`${null}${undefined}${false}${0}`.value, '0')
  t.equal(html`<a href="${'" onclick="x'}">`.value, '<a href="&quot; onclick=&quot;x">')
})

t.test('layout has a skip link, landmarks, the council name escaped and an Error: title prefix', async (t) => {
  const app = Fastify()
  await app.register(web)
  app.get('/page', async (_request, reply) =>
    await reply.page(200, 'message', {
      layout: layoutOf({ title: 'Q&A', council: { name: 'North <Shire>', slug: 'north' }, hasErrors: true }),
      title: 'Hi',
      paragraphs: []
    }))
  t.teardown(() => app.close())
  const page = (await app.inject({ url: '/page' })).body
  t.match(page, /<html lang="en" class="govuk-template">/)
  t.match(page, /<a href="#main-content" class="govuk-skip-link"/)
  t.match(page, /<main class="govuk-main-wrapper" id="main-content" lang="en"/)
  t.match(page, /<title>Error: Q&amp;A – Quality Mark – North &lt;Shire&gt;<\/title>/)
  t.match(page, /North &lt;Shire&gt;\s*<\/a>/, 'the council in the header, escaped')
  t.match(page, /<footer/)
  t.notMatch(page, /style=/, 'no inline styles (CSP)')
  const scripts = [...page.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)]
  t.same(
    scripts.map((m) => m[2]!.trim()),
    [govukInlineScript(), ''],
    "only GOV.UK Frontend's own inline script (allowed by its hash), then the external module"
  )
  t.match(scripts[1]![1], /type="module" src="\/assets\/init-[0-9a-f]{12}\.js"/)
  t.match(page, /<link rel="stylesheet" href="\/assets\/app-[0-9a-f]{12}\.css">/)
  t.match(page, /<link rel="icon" href="\/assets\/favicon-[0-9a-f]{12}\.svg" type="image\/svg\+xml">/)
  t.notMatch(page, /GOV\.UK|Crown copyright|govuk-logo/, 'no GOV.UK branding')
})

t.test('plugin serves the built assets with a long cache and 304s, and HTML error pages in web scopes', async (t) => {
  const app = Fastify()
  await app.register(web)
  await app.register(
    async (scope) => {
      useHtmlErrorPages(scope)
      scope.get('/gone', async () => {
        throw new DomainError('FEEDBACK_LINK_EXPIRED', 'gone', 'This link has expired.')
      })
      scope.get('/boom', async () => {
        throw new Error('secret internals')
      })
    },
    { prefix: '/pages' }
  )
  t.teardown(() => app.close())
  const assets = await loadAssets()
  const css = await app.inject({ url: assets.stylesheet })
  t.equal(css.statusCode, 200)
  t.match(css.headers['content-type'], /text\/css/)
  t.match(css.headers['cache-control'], /max-age=31536000, immutable/)
  t.match(css.body, /\.govuk-button/, "GOV.UK Frontend's styles")
  t.notMatch(css.body, /GDS Transport/, 'no GDS Transport font')
  t.match(css.body, /font-family:system-ui/, 'a system font stack')
  const again = await app.inject({ url: assets.stylesheet, headers: { 'if-none-match': String(css.headers.etag) } })
  t.equal(again.statusCode, 304)
  const script = await app.inject({ url: assets.script })
  t.match(script.headers['content-type'], /javascript/)
  t.match(script.body, /import \{ initAll \} from '\/assets\/govuk-frontend-[0-9a-f]{12}\.min\.js'/)
  t.equal((await app.inject({ url: '/assets/manifest.json' })).statusCode, 404, 'the build manifest is not served')
  const brand = await app.inject({ url: '/assets/brand/5a2d81.css' })
  t.match(brand.body, '--govuk-brand-colour:#5a2d81')
  t.match(brand.headers['cache-control'], /immutable/)
  t.equal((await app.inject({ url: '/assets/brand/ffdd00.css' })).statusCode, 404, 'too light for white text')
  const gone = await app.inject({ url: '/pages/gone' })
  t.equal(gone.statusCode, 410)
  t.match(gone.headers['content-type'], /text\/html/)
  t.match(gone.body, /This link has expired\./)
  const boom = await app.inject({ url: '/pages/boom' })
  t.equal(boom.statusCode, 500)
  t.notMatch(boom.body, /secret internals/)
  const missing = await app.inject({ url: '/pages/nowhere' })
  t.equal(missing.statusCode, 404)
  t.match(missing.body, /Page not found/)
})
