import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, it } from '@roster/test-support/harness';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The layering messages ESLint gives `code` as if it were the file at `path`. */
async function layeringErrors(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${path}` });
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layering (elements → core ← adapters) is enforced by lint', () => {
  it('core may not import lit or an adapter', async () => {
    const errors = await layeringErrors(
      'packages/core/src/layering-probe.ts',
      "import { html } from 'lit';\nimport { memoryBackend } from '@roster/adapters/memory';\nexport const x = [html, memoryBackend];\n",
    );
    expect(errors).to.have.length(2);
    expect(errors[0]).to.contain('never imports lit');
    expect(errors[1]).to.contain('never imports an adapter');
  });

  it('an element may not import an adapter, and still may not use unsafeHTML', async () => {
    const errors = await layeringErrors(
      'packages/elements/src/layering-probe.ts',
      "import { restBackend } from '@roster/adapters/rest';\nimport { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const x = [restBackend, unsafeHTML];\n",
    );
    expect(errors).to.have.length(2);
    expect(errors[0]).to.contain('never import an adapter');
    expect(errors[1]).to.contain('Bind text as text');
  });

  it('core may import zod, and an element may import core and lit', async () => {
    expect(
      await layeringErrors(
        'packages/core/src/layering-probe.ts',
        "import * as z from 'zod';\nexport const x = z.string();\n",
      ),
    ).to.deep.equal([]);
    expect(
      await layeringErrors(
        'packages/elements/src/layering-probe.ts',
        "import { html } from 'lit';\nimport { createRoster } from '@roster/core';\nexport const x = [html, createRoster];\n",
      ),
    ).to.deep.equal([]);
  });
});
