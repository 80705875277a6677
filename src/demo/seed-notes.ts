import type { NoteContentInput } from '../domain/note-content.js';

/**
 * The two real cover notes of the 18th eHealth Network meeting (shared/seeds), as structured
 * versions. A test checks every sentence here against the seed texts in tests/fixtures/seeds.
 */
export const ITEM_9_1 = {
  title: 'Update from the Work Stream 12 of the NIS cooperation group',
  content: {
    sections: {
      issueAtStake: [
        'Information to the eHealth Network on the establishment and recent activities of the NIS Work Stream for the Health sector.',
      ],
      summary: [
        'The NIS Cooperation Group (CG), established by the Directive (EU) 2016/1148 on the security of network and information systems, supports and facilitates strategic cooperation and the exchange of information among Member States in the field of cybersecurity, with a view to developing trust and confidence amongst them.',
        'On 29 January 2020, the NIS Cooperation Group agreed on the proposal made by the eHealth Network and supported by the Commission, to create a dedicated Work Stream for the health sector (WS12.).',
        'The main goal is to exchange and promote best practices based on the experiences of Member States in addressing identification, mitigation and management of cyber risks in the health sector, especially when implementing the NIS Directive.',
        'It should support exchanging best practices based on experiences in Member States in addressing the identification, mitigation and management of cyber risks in the health sector, and developing a set of healthcare sector guidelines, including an analysis of NIS Directive implementation in the health sector.',
        'The Work Stream is composed of representatives of Member States, in particular the NIS Cooperation Group members and those competent for digital health and implementing the NIS Directive in the healthcare sector, representatives of the ENISA and the Commission.',
        'The Work stream is now operational and this is the first update to the eHealth Network.',
      ],
      procedure: [
        'For information.',
        'eHealth Network will be updated about the establishment, recent activities and future plans of the NIS Work Stream for the health sector.',
      ],
    },
  } satisfies NoteContentInput,
};

export const ITEM_9_2 = {
  title: 'Reflections on Cybersecurity on the health sector',
  content: {
    sections: {
      issueAtStake: [
        'In the light of the update from the new NIS Cooperation Group work stream on cybersecurity for health, and other developments in this field – there is a value now in taking stock of related initiatives and reflecting on possible further actions.',
      ],
      summary: [
        'Developing cybersecurity response, and building capacity in this regard, is an essential part of the work towards a European health data space (EHDS).',
        'Strong cybersecurity in health is a strategic priority for the Commission, and the legislative framework is regularly reviewed and when necessary updated.',
        'The Commission is working on a legislative framework for health data sharing, to reflect the EU’s fundamental values – in terms of data protection, fundamental rights, safety and cybersecurity - and address the requirements of a changing health information landscape.',
        [
          {
            text: 'The Commission intends to put forward a new Cybersecurity Strategy that will look at how to boost EU-level cooperation, knowledge and capacity',
          },
          { footnote: 1 },
          { text: '.' },
        ],
        'These will be accompanied by the review of the NIS Directive and a proposal for additional measures on Critical Infrastructure Protection,',
        'Together with the ongoing work on cybersecurity as part of the EU Security Union, this will increase capabilities within Member States, boost the EU’s overall cybersecurity, and establish a solid governance and trust frameworks for sensitive health data, and support to an effective implementation of the EU cybersecurity and data protection legislation across the health sector as an integral part of the activities on fostering cross-border access to health data and European health data space.',
        'The Horizon Europe Programme and the Digital Europe Programme will significantly contribute to these challenges.',
      ],
      procedure: [
        'For information and to receive Member States reflections on cybersecurity issues in the health sector.',
      ],
    },
    footnotes: [
      {
        text: 'By the end of 2020, the Commission plans amongst other to complete the review of the Network and Information Systems Directive, propose ideas need for a Joint Cyber Unit as well to adopt a new Cybersecurity Strategy',
        sourceUrl: 'https://ec.europa.eu/digital-single-market/en/cyber-security',
      },
    ],
  } satisfies NoteContentInput,
};
