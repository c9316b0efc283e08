// Where things are: great-circle distance and search boxes (pure).
export * from './distance.js'
