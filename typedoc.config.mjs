import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints: ['src/index.ts', 'src/testing/jest.ts'],
  tsconfig: 'tsconfig.build.json',
  out: 'docs/api',
  excludeInternal: true,
  // No links to sources: a clone may have no remote (or a local one), and the package names no repository.
  disableSources: true,
  excludePrivate: true,
  blockTags: [...OptionDefaults.blockTags, '@schema'],
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  treatWarningsAsErrors: true,
};
