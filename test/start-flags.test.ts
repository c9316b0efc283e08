// `npm start` bounds the server's heap (README: Reliability, memory) and the benchmarks read its flags from there:
// a start script they cannot read, or one without the limits, fails here rather than in a benchmark.
import t from 'tap'
import { serverFlags } from '../scripts/bench-data.js'

t.test('npm start runs the built server with a bounded old generation and small semi-spaces', async (t) => {
  const flags = await serverFlags()
  const value = (name: string) => Number(flags.find((f) => f.startsWith(`--${name}=`))?.split('=')[1])
  t.ok(value('max-old-space-size') > 0 && value('max-old-space-size') <= 128, `old space: ${flags.join(' ')}`)
  t.ok(value('max-semi-space-size') > 0 && value('max-semi-space-size') <= 8, 'semi-spaces of at most 8 MB')
})
