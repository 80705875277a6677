import {
  assertCompleteOrder,
  buildAgendaTree,
  findAgendaNode,
  layoutAgenda,
  placeNode,
  type AgendaNode,
} from '../domain/agenda-numbering.js';
import { Errors } from '../domain/errors.js';
import { Audience, normaliseMarking } from '../domain/audience.js';
import {
  assertCanManageAgenda,
  canBeRapporteur,
  isDraftingCircle,
  noteAccess,
  NoteAccess,
} from '../domain/permissions.js';
import type { Actor } from '../domain/roles.js';
import { NoteState } from '../domain/note-workflow.js';
import type { ItemRow } from '../repositories/agenda-repository.js';
import { isoNow, type ServiceContext } from './context.js';
import { readerGroups } from './note-access.js';
import { presentItem, type ItemView } from './presenters.js';
import { itemOrThrow, meetingOrThrow } from './lookups.js';

export interface NewItemInput {
  title: string;
  parentId?: number | null;
  position?: number;
  rapporteurIds?: number[];
  audience?: Audience;
  audienceGroups?: string[];
}

export type ItemChanges = Partial<NewItemInput>;

export function createAgendaService(ctx: ServiceContext) {
  const { agenda, notes, people, audit } = ctx.repos;

  function assertRapporteurs(ids: number[]) {
    const found = people.findByIds(ids);
    for (const id of ids) {
      const person = found.find((p) => p.id === id);
      if (!person) throw Errors.invalid.onField('rapporteurIds', `Rapporteur ${id} is not a person known to agendum.`);
      if (!canBeRapporteur(person)) {
        throw Errors.invalid.onField(
          'rapporteurIds',
          `${person.name} cannot be a rapporteur: the account is not an active rapporteur.`,
        );
      }
    }
  }

  /** Writes the tree's layout: positions and numbers follow from the order alone. */
  function relayout(meetingId: number, tree: AgendaNode[]) {
    agenda.applyLayout(meetingId, layoutAgenda(tree));
  }

  function treeOf(meetingId: number) {
    return buildAgendaTree(agenda.listItems(meetingId));
  }

  /**
   * Items in agenda order. A note's state shows only to those who may read the note: the
   * drafting circle sees where it stands; everyone else sees `released` (with the published
   * procedure) once a version they may read was published, else nothing.
   */
  function present(actor: Actor, items: ItemRow[]): ItemView[] {
    const ids = items.map((i) => i.id);
    const rapporteurs = agenda.rapporteursOf(ids);
    const noteRows = notes.findByItems(ids);
    const publications = notes.latestPublications(noteRows.map((n) => n.id));
    const returned = audit.returnedOf(ids);
    const groups = new Map<number, string[]>();
    const groupsIn = (meetingId: number) => {
      if (!groups.has(meetingId)) groups.set(meetingId, readerGroups(ctx, actor, meetingId));
      return groups.get(meetingId)!;
    };
    const order = new Map(layoutAgenda(buildAgendaTree(items)).map((p, index) => [p.id, index]));
    return [...items]
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((item) => {
        const own = rapporteurs.filter((r) => r.itemId === item.id);
        const note = noteRows.find((n) => n.itemId === item.id);
        if (!note) return presentItem(item, own, undefined);
        const publication = publications.get(note.id);
        const facts = {
          itemId: item.id,
          state: note.state,
          rapporteurIds: own.map((r) => r.id),
          published: publication !== undefined,
          marking: item,
        };
        if (isDraftingCircle(actor, facts)) return presentItem(item, own, { ...note, returned: returned.has(item.id) });
        const access = noteAccess(actor, facts, groupsIn(item.meetingId));
        return presentItem(
          item,
          own,
          access === NoteAccess.published
            ? { state: NoteState.released, procedure: publication!.procedure }
            : undefined,
        );
      });
  }

  const presentOne = (actor: Actor, itemId: number) => present(actor, [itemOrThrow(ctx, itemId)])[0]!;

  return {
    list(actor: Actor, meetingId: number) {
      meetingOrThrow(ctx, meetingId);
      return present(actor, agenda.listItems(meetingId));
    },

    get: (actor: Actor, itemId: number) => presentOne(actor, itemId),

    create(actor: Actor, meetingId: number, input: NewItemInput) {
      assertCanManageAgenda(actor);
      meetingOrThrow(ctx, meetingId);
      const rapporteurIds = [...new Set(input.rapporteurIds ?? [])];
      assertRapporteurs(rapporteurIds);
      const id = ctx.transaction(() => {
        const now = isoNow(ctx);
        // Parked number until the layout below gives the real one.
        const row = agenda.insertItem({
          meetingId,
          position: 0,
          number: `~new`,
          title: input.title.trim(),
          ...normaliseMarking(input.audience ?? Audience.network, input.audienceGroups),
          createdAt: now,
        });
        const tree = placeNode(
          treeOf(meetingId),
          { id: row.id, children: [] },
          {
            parentId: input.parentId ?? null,
            position: input.position,
          },
        );
        relayout(meetingId, tree);
        agenda.setRapporteurs(row.id, rapporteurIds);
        notes.insert({ itemId: row.id, state: NoteState.drafting, updatedAt: now });
        return row.id;
      });
      return presentOne(actor, id);
    },

    update(actor: Actor, itemId: number, changes: ItemChanges) {
      assertCanManageAgenda(actor);
      const item = itemOrThrow(ctx, itemId);
      if (changes.rapporteurIds) assertRapporteurs([...new Set(changes.rapporteurIds)]);
      ctx.transaction(() => {
        if (changes.title !== undefined) agenda.updateTitle(itemId, changes.title.trim());
        if (changes.audience !== undefined || changes.audienceGroups !== undefined) {
          agenda.updateMarking(
            itemId,
            normaliseMarking(changes.audience ?? item.audience, changes.audienceGroups ?? item.audienceGroups),
          );
        }
        if (changes.rapporteurIds) agenda.setRapporteurs(itemId, [...new Set(changes.rapporteurIds)]);
        if (changes.parentId !== undefined || changes.position !== undefined) {
          const tree = treeOf(item.meetingId);
          const node = findAgendaNode(tree, itemId)!;
          const parentId = changes.parentId === undefined ? item.parentId : changes.parentId;
          relayout(item.meetingId, placeNode(tree, node, { parentId, position: changes.position }));
        }
      });
      return presentOne(actor, itemId);
    },

    /** Sub-items and written notes are work: deleting them takes `force`. */
    delete(actor: Actor, itemId: number, options: { force: boolean }) {
      assertCanManageAgenda(actor);
      const item = itemOrThrow(ctx, itemId);
      ctx.transaction(() => {
        const tree = treeOf(item.meetingId);
        const node = findAgendaNode(tree, itemId)!;
        const subtree = layoutAgenda([node]).map((p) => p.id);
        const versions = agenda.countVersions(subtree);
        if (!options.force && (subtree.length > 1 || versions > 0)) {
          throw Errors.hasContent(
            `Item ${item.number} has ${subtree.length - 1} sub-item(s) and ${versions} note version(s); delete with force=true to remove them too.`,
          );
        }
        agenda.deleteItem(itemId);
        relayout(item.meetingId, treeOf(item.meetingId));
      });
    },

    reorder(actor: Actor, meetingId: number, tree: AgendaNode[]) {
      assertCanManageAgenda(actor);
      meetingOrThrow(ctx, meetingId);
      ctx.transaction(() => {
        assertCompleteOrder(
          tree,
          agenda.listItems(meetingId).map((i) => i.id),
        );
        relayout(meetingId, tree);
      });
      return present(actor, agenda.listItems(meetingId));
    },
  };
}
export type AgendaService = ReturnType<typeof createAgendaService>;
