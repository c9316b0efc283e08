import t from 'tap'
import { compareLevels, Level, maxLevel, minLevel } from '../../src/domain/levels.js'

t.test('levels are ordered none < bronze < silver < gold', async t => {
  t.ok(compareLevels('gold', 'silver') > 0)
  t.ok(compareLevels('bronze', 'silver') < 0)
  t.equal(compareLevels('none', 'none'), 0)
  t.same(['gold', 'none', 'silver', 'bronze'].sort((a, b) => compareLevels(a as Level, b as Level)), Level.options)
})

t.test('min and max of levels', async t => {
  t.equal(minLevel('gold', 'silver'), 'silver')
  t.equal(minLevel('bronze', 'gold', 'none'), 'none')
  t.equal(minLevel('gold'), 'gold')
  t.equal(minLevel(), 'none')
  t.equal(maxLevel('bronze', 'gold', 'silver'), 'gold')
  t.equal(maxLevel(), 'none')
})
