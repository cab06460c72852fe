import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { User } from '../../types.ts';
import type { ConsultationMessage, ConsultationPoint } from './api.ts';
import {
  addLine,
  agreedPoints,
  agreementOf,
  alertIdsByReference,
  checkDraft,
  chronological,
  classificationsUpTo,
  conveneBody,
  defaultClassification,
  facilitatorCandidates,
  linkAlert,
  newDraft,
  problemFor,
  problemsOf,
  staffCandidates,
  unplacedProblems,
} from './helpers.ts';

const user = (fields: Partial<User>): User => ({
  id: fields.username ?? 'u',
  username: 'u',
  displayName: 'U',
  email: null,
  affiliation: 'secretariat',
  stateCode: null,
  partnerCode: null,
  role: 'point_of_contact',
  accessLevel: 'confidential',
  disabled: false,
  abilities: { update: false, disable: false },
  ...fields,
});

const ALERT = {
  reference: 'AL-2026-0003',
  title: 'Isfara valley',
  region: 'kg-tj-border',
  states: ['KG', 'TJ'],
};

describe('the convene form', () => {
  it('starts confidential (or the person’s own level when lower), with one blank agenda line', () => {
    const draft = newDraft('secret');
    expect(draft).toMatchObject({ classification: 'confidential', participants: [], alert: null });
    expect(draft.agenda).toHaveLength(1);
    expect(defaultClassification('restricted')).toBe('restricted');
    expect(classificationsUpTo('restricted')).toEqual(['public', 'restricted']);
  });

  it('comes prefilled from an alert: its states, region, reference and title', () => {
    expect(newDraft('confidential', { alert: ALERT })).toMatchObject({
      title: 'Isfara valley',
      participants: ['KG', 'TJ'],
      alert: 'AL-2026-0003',
      region: 'kg-tj-border',
    });
  });

  it('linking an alert keeps states and title already chosen; unlinking drops reference and region alone', () => {
    const chosen = { ...newDraft('confidential'), title: 'Water talks', participants: ['KG', 'KZ'] };
    const linked = linkAlert(chosen, ALERT);
    expect(linked).toMatchObject({
      title: 'Water talks',
      participants: ['KG', 'KZ'],
      region: 'kg-tj-border',
    });
    expect(linkAlert(newDraft('confidential'), ALERT).participants).toEqual(['KG', 'TJ']);
    expect(linkAlert(linked, null)).toMatchObject({ alert: null, region: null, participants: ['KG', 'KZ'] });
  });

  it('asks for a title, two distinct states and a facilitator before sending', () => {
    expect(checkDraft({ ...newDraft('secret'), participants: ['KG', 'KG'] })).toEqual({
      title: 'required',
      participants: 'twoStates',
      facilitator: 'required',
    });
    expect(
      checkDraft({ ...newDraft('secret'), title: 'T', participants: ['KG', 'TJ'], facilitator: 'x' }),
    ).toEqual({});
  });

  it('sends trimmed text, the agenda without blank lines, the staff without the facilitator', () => {
    const draft = {
      ...newDraft('secret', { alert: ALERT }),
      title: '  Talks ',
      purpose: ' Settle it ',
      facilitator: 'f',
      staff: ['f', 's'],
      agenda: addLine(addLine([{ key: 1, text: ' Facts ' }])).map((l, i) =>
        i === 2 ? { ...l, text: 'Next' } : l,
      ),
    };
    expect(draft.agenda.map((l) => l.key)).toEqual([1, 2, 3]);
    expect(conveneBody(draft)).toEqual({
      title: 'Talks',
      purpose: 'Settle it',
      participants: ['KG', 'TJ'],
      facilitator: 'f',
      staff: ['s'],
      classification: 'confidential',
      agenda: ['Facts', 'Next'],
      alert: 'AL-2026-0003',
      region: 'kg-tj-border',
    });
  });

  it('offers as facilitator the secretariat and the presidency’s head, who can read the classification', () => {
    const users = [
      user({ id: 'mon', displayName: 'Monitor' }),
      user({ id: 'low', displayName: 'Clerk', accessLevel: 'restricted' }),
      user({ id: 'obs', displayName: 'Observer', role: 'observer' }),
      user({ id: 'off', displayName: 'Gone', disabled: true }),
      user({
        id: 'by',
        displayName: 'Head BY',
        affiliation: 'delegation',
        stateCode: 'BY',
        role: 'head_of_delegation',
      }),
      user({
        id: 'am',
        displayName: 'Head AM',
        affiliation: 'delegation',
        stateCode: 'AM',
        role: 'head_of_delegation',
      }),
      user({
        id: 'byd',
        displayName: 'Delegate BY',
        affiliation: 'delegation',
        stateCode: 'BY',
        role: 'delegate',
      }),
    ];
    expect(facilitatorCandidates(users, 'BY', 'confidential').map((u) => u.id)).toEqual(['by', 'mon']);
    expect(facilitatorCandidates(users, null, 'restricted').map((u) => u.id)).toEqual(['low', 'mon']);
    expect(staffCandidates(users, 'restricted', ['mon']).map((u) => u.id)).toEqual(['low']);
  });
});

describe('field problems of an answer', () => {
  const error = new ApiError(400, 'validation_failed', 'x', [
    { field: 'body.participants.1', reason: 'XX is not a member state' },
    { field: 'body.agenda.2', reason: 'is required' },
    { field: 'status', reason: 'the consultation is concluded' },
  ]);

  it('are shown next to their field, or under it by index', () => {
    const problems = problemsOf(error);
    expect(problemFor(problems, 'participants')).toBe('XX is not a member state');
    expect(problemFor(problems, 'agenda.2')).toBe('is required');
    expect(problemFor(problems, 'title')).toBeUndefined();
  });

  it('the others are named beside the form', () => {
    expect(unplacedProblems(problemsOf(error), ['participants', 'agenda'])).toEqual([
      { field: 'status', reason: 'the consultation is concluded' },
    ]);
    expect(problemsOf(new Error('boom'))).toEqual([]);
    expect(problemsOf(null)).toEqual([]);
  });
});

describe('the talks', () => {
  const message = (id: string): ConsultationMessage => ({
    id,
    author: 'A',
    state: null,
    body: id,
    createdAt: '2026-03-01T10:00:00.000Z',
  });

  it('reads the thread oldest first from pages of newest-first messages, each message once', () => {
    const pages = [{ items: [message('5'), message('4')] }, { items: [message('4'), message('3')] }];
    expect(chronological(pages).map((m) => m.id)).toEqual(['3', '4', '5']);
  });

  it('says which states agreed to a point, in the consultation’s order, and which points go with the outcome', () => {
    const point = (id: string, agreedBy: string[]): ConsultationPoint => ({
      id,
      position: 1,
      text: id,
      proposedBy: 'A',
      proposedByState: null,
      agreedBy,
      awaiting: [],
      agreed: agreedBy.length === 2,
      agreedAt: null,
      abilities: { agree: false },
    });
    expect(agreementOf(point('p', ['TJ']), ['KG', 'TJ'])).toEqual([
      { state: 'KG', agreed: false },
      { state: 'TJ', agreed: true },
    ]);
    expect(agreedPoints([point('a', ['KG', 'TJ']), point('b', ['KG'])]).map((p) => p.id)).toEqual(['a']);
  });

  it('finds an alert’s id by its reference', () => {
    expect(alertIdsByReference([{ id: 'x', reference: 'AL-1' }]).get('AL-1')).toBe('x');
  });
});
