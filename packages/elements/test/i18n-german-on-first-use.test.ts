import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { messagesFor, messagesReady, registerLocale, setGermanLoader } from '../src/i18n/index.js';
import { en as adminEn } from '../src/admin/messages.js';
import { de as adminDe } from '../src/admin/messages.de.js';
import { en } from '../src/i18n/en.js';
import { de } from '../src/i18n/de.js';

describe('German texts load on first use', () => {
  it('English (and a language Roster does not speak) needs nothing to load', () => {
    expect(messagesReady('en')).to.equal(undefined);
    expect(messagesReady('fr-CA')).to.equal(undefined);
    expect(messagesFor('en').admin).to.equal(adminEn);
  });

  it('German holds a section once messagesReady has resolved', async () => {
    await messagesReady('de-CH');
    expect(messagesFor('de').admin).to.equal(adminDe);
    expect(messagesFor('de').common.loading).to.equal('Wird geladen…');
    expect(messagesReady('de')).to.equal(undefined);
  });

  it('German that cannot load reads English, and the next update tries again', async () => {
    let attempts = 0;
    setGermanLoader(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return { de };
    });
    try {
      await messagesReady('de');
      expect(messagesFor('de').admin).to.equal(adminEn);
      await messagesReady('de');
      expect(messagesFor('de').admin).to.equal(adminDe);
      expect(attempts).to.equal(2);
    } finally {
      setGermanLoader(() => import('../src/i18n/de.js'));
    }
  });

  it('a German locale the portal registered wins, with nothing to load', () => {
    registerLocale('de-AT', en);
    expect(messagesReady('de-AT')).to.equal(undefined);
    expect(messagesFor('de-AT')).to.equal(en);
  });
});
