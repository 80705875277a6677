import t from 'tap';
import { normaliseRecoveryCode, readTotpCode, secondFactorDue } from '../../src/domain/second-factor.js';

t.test(
  'a password sign-in owes a code when enrolled, enrolment when staff must have one; SSO owes nothing',
  async (t) => {
    t.equal(secondFactorDue({ role: 'delegate', hasSecondFactor: true }, 'password', 'optional'), 'code');
    t.equal(secondFactorDue({ role: 'delegate', hasSecondFactor: false }, 'password', 'required'), null);
    t.equal(secondFactorDue({ role: 'secretariat', hasSecondFactor: false }, 'password', 'required'), 'enrol');
    t.equal(secondFactorDue({ role: 'admin', hasSecondFactor: false }, 'password', 'required'), 'enrol');
    t.equal(secondFactorDue({ role: 'admin', hasSecondFactor: false }, 'password', 'optional'), null);
    t.equal(secondFactorDue({ role: 'admin', hasSecondFactor: true }, 'password', 'required'), 'code');
    t.equal(secondFactorDue({ role: 'admin', hasSecondFactor: true }, 'sso', 'required'), null);
    t.equal(secondFactorDue({ role: 'secretariat', hasSecondFactor: false }, 'sso', 'required'), null);
  },
);

t.test('codes are read as people type them', async (t) => {
  t.equal(readTotpCode(' 123 456 '), '123456');
  t.equal(readTotpCode('12345'), null);
  t.equal(readTotpCode('12345a'), null);
  t.equal(normaliseRecoveryCode('ABCDE-fghjk '), 'abcdefghjk');
});
