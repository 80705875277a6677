import t from 'tap';
import { as, build, signedIn } from '../../helper.js';
import { pdfText } from '../../support/pdf-text.js';
import { recordedMeeting } from '../../support/recorded-meeting.js';

t.test(
  'the summary report PDF of the 18th meeting, read back: title block, items in agenda order, conclusions, action points, attendance',
  async (t) => {
    const app = await build(t);
    const { secretariat, staff, meeting, item91, item92, delegates } = await recordedMeeting(app);
    const { records, actionPoints, workflow } = app.services;
    records.setDetails(staff, meeting.id, {
      format: 'teleconference',
      coChairNames: ['Ioana-Maria Gligor'],
      coChairFunctions: ['Director, DG SANTE'],
    });
    const states = ['present', 'remote', 'excused'] as const;
    delegates.forEach((d, i) => records.setAttendance(staff, meeting.id, d.id, { state: states[i % 3]! }));
    workflow.setOutcome(staff, item91.id, 'noted');
    workflow.setOutcome(staff, item92.id, 'adopted');
    records.setConclusions(staff, item91.id, {
      blocks: [[{ text: 'The Network took note of the update from Work Stream 12' }, { footnote: 1 }, { text: '.' }]],
      footnotes: [{ text: 'NIS Cooperation Group, Work Stream 12.' }],
    });
    records.setConclusions(staff, item92.id, {
      blocks: [[{ text: 'The Network adopted the reflections paper on cybersecurity.' }]],
      footnotes: [],
    });
    actionPoints.add(staff, item91.id, {
      what: 'Send comments on the guidelines',
      ownerDelegation: 'Belgium',
      dueDate: '2021-01-15',
    });
    actionPoints.add(staff, item92.id, { what: 'Share the national plan', ownerDelegation: 'France' });

    const res = await as(app, secretariat, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/summary-report.pdf` });
    t.equal(res.statusCode, 200);
    t.equal(res.headers['content-type'], 'application/pdf');
    const pages = await pdfText(res.rawPayload);
    const lines = pages.flatMap((p) => p.lines);
    const text = lines.join(' ').replace(/\s+/g, ' ');
    const title = [
      'eHealth Network',
      'Summary report',
      '18th eHealth Network meeting',
      '(Teleconference)',
      '12-13 November 2020',
      'Brussels, Belgium',
    ];
    const at = title.map((line) => lines.indexOf(line));
    t.same(
      at.filter((i) => i < 0),
      [],
      'every title block line is a line of its own',
    );
    t.same(
      [...at].sort((a, b) => a - b),
      at,
      'in the order of the published reports',
    );
    const order = [
      'Ioana-Maria Gligor',
      'Opening and approval of agenda',
      '9. Cybersecurity',
      '9.1. Update from the Work Stream 12 of the NIS cooperation group – for information',
      'Outcome: noted.',
      'The Network took note of the update from Work Stream 12',
      '9.2. Reflections on Cybersecurity on the health sector – for information',
      'Outcome: adopted.',
      'The Network adopted the reflections paper on cybersecurity.',
      'Share the national plan',
      'Annex – Attendance',
    ];
    const found = order.map((s) => text.indexOf(s));
    t.same(
      found.filter((i) => i < 0),
      [],
      `found: ${order.filter((_, i) => found[i]! < 0).join(' | ')}`,
    );
    t.same(
      [...found].sort((a, b) => a - b),
      found,
      'co-chairs, opening, items in agenda order, action points, annex',
    );
    t.match(text, 'Send comments on the guidelines');
    t.match(text, 'NIS Cooperation Group, Work Stream 12.', 'the footnote');
    const annex = text.slice(text.indexOf('Annex – Attendance'));
    t.match(annex, 'Austria');
    t.match(annex, 'Sweden');

    const delegate = await signedIn(app, 'delegate');
    const refused = await as(app, delegate, {
      method: 'GET',
      url: `/api/v1/meetings/${meeting.id}/summary-report.pdf`,
    });
    t.equal(refused.statusCode, 404, "a delegate does not read the secretariat's draft: to them it does not exist yet");
  },
);
