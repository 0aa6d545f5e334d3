import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints: ['src/index.ts', 'src/testing/jest.ts'],
  tsconfig: 'tsconfig.build.json',
  out: 'docs/api',
  excludeInternal: true,
  excludePrivate: true,
  blockTags: [...OptionDefaults.blockTags, '@schema'],
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  treatWarningsAsErrors: true,
};
