// The front page lists the councils with links to their directory and feed, and to the API docs.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'

const h = await buildTestApp(t)

t.test('GET / is an HTML page naming every council with its directory', async (t) => {
  const res = await h.app.inject({ url: '/' })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /text\/html/)
  t.match(res.body, /<h1[^>]*>Find care and support with a Quality Mark<\/h1>/)
  t.match(res.body, 'href="/directory/northshire"')
  t.match(res.body, 'Southshire Council')
  t.match(res.body, 'href="/oruk/southshire/services"')
  t.match(res.body, 'href="/docs"')
})
