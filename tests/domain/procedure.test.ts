import t from 'tap';
import { normaliseProcedure, procedureKind, procedureLabel } from '../../src/domain/procedure.js';

t.test('procedures: the three codes or a sentence starting with their label', async (t) => {
  t.equal(procedureKind('for-adoption'), 'for-adoption');
  t.equal(procedureKind('For information.'), 'for-information');
  t.equal(
    procedureKind('For information and to receive Member States reflections on cybersecurity'),
    'for-information',
  );
  t.equal(procedureKind('for discussion'), 'for-discussion');
  t.equal(procedureKind('Formal adoption'), null);
  t.equal(procedureKind('For informational purposes'), null);
  t.equal(procedureLabel('for-information'), 'For information.');
  t.equal(procedureLabel(' For discussion with Member States. '), 'For discussion with Member States.');
  t.equal(normaliseProcedure('  For   adoption  '), 'For adoption');
  t.throws(() => normaliseProcedure('Please read'), { code: 'AGENDUM_INVALID' });
});

t.test('each code reads as its label', async (t) => {
  t.equal(procedureLabel('for-information'), 'For information.');
  t.equal(procedureLabel('for-discussion'), 'For discussion.');
  t.equal(procedureLabel('for-adoption'), 'For adoption.');
});

t.test('a refused procedure says what a procedure is', async (t) => {
  t.throws(() => normaliseProcedure('   '), {
    code: 'AGENDUM_INVALID',
    status: 422,
    message:
      'A procedure is one of for-information, for-discussion, for-adoption, or a sentence starting with "For information", "For discussion" or "For adoption".',
  });
});
