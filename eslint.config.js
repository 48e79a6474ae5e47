// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'bench/out', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Principle 1 (STYLE.md): the domain layer is pure and imports no framework, I/O or DOM.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'express',
                'pg',
                'lit',
                'lit/*',
                'maplibre-gl',
                '@deck.gl/*',
                'deck.gl',
                '@electric-sql/*',
                '../server/*',
                '../client/*',
                '../../server/*',
                '../../client/*',
              ],
              message: 'domain/ is pure: no I/O, framework or DOM imports',
            },
          ],
        },
      ],
    },
  },
);
