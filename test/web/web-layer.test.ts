// The shared web layer: escaping by default, the layout's landmarks, and the cached stylesheet route.
import t from 'tap'
import Fastify from 'fastify'
import { html, raw } from '../../src/web/html.js'
import { renderPage } from '../../src/web/layout.js'
import { errorSummary, radios } from '../../src/web/components.js'
import web, { useHtmlErrorPages } from '../../src/web/plugin.js'
import { SITE_CSS_HREF } from '../../src/web/assets.js'
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
  const page = renderPage({
    title: 'Q&A',
    councilName: 'North <Shire>',
    hasErrors: true,
    body: html`<h1>Hi</h1>`
  }).value
  t.match(page, /<html lang="en">/)
  t.match(page, /<a href="#main-content" class="skip-link">/)
  t.match(page, /<main class="main" id="main-content" lang="en"/)
  t.match(page, /<title>Error: Q&amp;A – Quality Mark – North &lt;Shire&gt;<\/title>/)
  t.match(page, /<footer/)
  t.notMatch(page, /style=|<script/, 'no inline styles or scripts (CSP)')
  t.match(page, SITE_CSS_HREF)
})

t.test('components link the error summary to the first input and describe the group', async (t) => {
  const summary = errorSummary([{ href: 'q-0', text: 'Choose one' }]).value
  t.match(summary, /<a href="#q-0">Choose one<\/a>/)
  const group = radios({
    name: 'q',
    idPrefix: 'q',
    legend: 'Pick',
    error: 'Choose one',
    choices: [
      { value: 'a', text: 'A' },
      { value: 'b', text: 'B' }
    ],
    checked: ['b']
  }).value
  t.match(group, /id="q-0" name="q" type="radio" value="a">/)
  t.match(group, /id="q-1" name="q" type="radio" value="b" checked>/)
  t.match(group, /aria-describedby="q-error"/)
  t.match(group, /<label class="radios__label" for="q-0">A<\/label>/)
})

t.test('plugin serves the stylesheet with a long cache and 304s, and HTML error pages in web scopes', async (t) => {
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
  const css = await app.inject({ url: SITE_CSS_HREF })
  t.equal(css.statusCode, 200)
  t.match(css.headers['content-type'], /text\/css/)
  t.match(css.headers['cache-control'], /max-age=31536000/)
  const again = await app.inject({ url: '/assets/site.css', headers: { 'if-none-match': css.headers.etag as string } })
  t.equal(again.statusCode, 304)
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
