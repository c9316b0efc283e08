// Layer rules (`npm run layers`), checked by dependency-cruiser rather than by review (README: Architecture).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain holds the rules as pure functions: it imports nothing outward (no db, http, web or use ' +
        'cases) and no I/O library (src/domain/README.md).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        path: [
          '^src/(db|http|web|use-cases|render)/',
          '^src/(app|server|config)[.]ts$',
          'node_modules/(fastify|@fastify/|fastify-|drizzle-orm|drizzle-kit|postgres|@electric-sql/|pino|' +
            'nodemailer|undici|file-type|lru-cache)'
        ]
      }
    },
    {
      name: 'domain-no-io-core-modules',
      comment: 'No file system, network, processes or clocks from node core inside src/domain.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|net|http|https|http2|dns|dgram|tls|child_process|cluster|worker_threads|' +
          'os|process|timers|timers/promises|readline|repl|vm)$'
      }
    },
    {
      name: 'use-cases-not-http-or-web',
      comment: 'Use cases never import the HTTP layer or the pages; those call the use cases.',
      severity: 'error',
      from: { path: '^src/use-cases/' },
      to: { path: '^src/(http|web|render)/' }
    },
    {
      name: 'render-only-renders',
      comment:
        'src/render turns what use cases return into bytes (SVG, CSV, escaped markup) for the API and the pages ' +
        'alike: it reads domain and use-case types and values, never the database, the HTTP layer or the pages.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: ['^src/(db|http|web)/', 'node_modules/(fastify|@fastify/|drizzle-orm|postgres|@electric-sql/)'] }
    },
    {
      name: 'web-not-http-internals',
      comment:
        'Pages reach the HTTP layer only through its problem renderer, the session cookie, the ' +
        'version-keyed page cache and the file reply, never its routes or schemas.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/http/', pathNot: '^src/http/(plugins/(problems|session)|page-cache|file-reply)[.]ts$' }
    },
    {
      name: 'http-not-web-internals',
      comment: "The HTTP layer reaches the pages only through the web plugin's entry point.",
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/web/', pathNot: '^src/web/plugin[.]ts$' }
    },
    {
      name: 'only-db-imports-drizzle',
      comment: 'Only the stores in src/db (and the migration scripts) speak to drizzle; use cases call stores.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: 'node_modules/drizzle-orm/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts']
    }
  }
}
