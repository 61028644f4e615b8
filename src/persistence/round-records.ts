/**
 * Rounds on the document store: one partition per round holds the round, its answers, their
 * history and who has had the round message, so a card action reads what it decides on in one
 * query and saves an answer with its history in one batch.
 */
import { randomUUID } from 'node:crypto';
import { MAX_BATCH_OPERATIONS, type BatchOperation, type DocumentBody, type DocumentStore } from '../store/document-store';
import { personKey, samePerson, type Answer, type AnswerChange, type Person, type Round } from '../core/followup/model';
import type { AnswerOutcome, Delivery, ErasedFromRound, RoundRecords, Versioned, WriteOutcome } from '../usecases/ports';
import { answerId, documentId, roundPartition, strip, withoutMeta } from './document-ids';
import { batchIfUnchanged, saved, writeIfUnchanged } from './write-if-unchanged';

type RoundDoc = DocumentBody & Round & { type: 'round' };
type AnswerDoc = DocumentBody & Answer & { type: 'answer' };
type HistoryDoc = DocumentBody & AnswerChange & { type: 'history' };
type DeliveryDoc = DocumentBody & Delivery & { type: 'delivery' };

const deliveryId = (recipient: Person): string => documentId('delivery', personKey(recipient));
const roundDoc = (round: Round): RoundDoc => ({ id: 'round', pk: roundPartition(round.year), type: 'round', ...round });

/** How long the answers of a closed round are kept in memory ("last year's answer" on every card). */
const CLOSED_ROUND_MS = 5 * 60_000;

export class RoundsOnStore implements RoundRecords {
  private readonly closedRounds = new Map<number, { at: number; answers: Promise<Answer[]> }>();

  constructor(
    private readonly store: DocumentStore,
    private readonly closedRoundMs = CLOSED_ROUND_MS,
  ) {}

  async getRound(year: number): Promise<Versioned<Round> | undefined> {
    const doc = await this.store.read<RoundDoc>('rounds', roundPartition(year), 'round');
    return doc ? strip<Round>(doc) : undefined;
  }

  async createRound(round: Round): Promise<'created' | 'exists'> {
    this.closedRounds.delete(round.year);
    return (await writeIfUnchanged(this.store, 'rounds', roundDoc(round), undefined)) === 'conflict' ? 'exists' : 'created';
  }

  async updateRound(round: Round, ifMatch: string): Promise<WriteOutcome> {
    this.closedRounds.delete(round.year);
    return saved(await writeIfUnchanged(this.store, 'rounds', roundDoc(round), ifMatch));
  }

  async listRounds(): Promise<Round[]> {
    return (await this.store.listByType<RoundDoc>('rounds', 'round')).map((d) => strip<Round>(d)).sort((a, b) => a.year - b.year);
  }

  async getRoundWithAnswers(year: number): Promise<{ round: Versioned<Round>; answers: Array<Versioned<Answer>> } | undefined> {
    const docs = await this.store.listPartition<RoundDoc | AnswerDoc>('rounds', roundPartition(year), ['round', 'answer']);
    const round = docs.find((d) => d.type === 'round');
    if (!round) return undefined;
    return { round: strip<Round>(round), answers: docs.filter((d) => d.type === 'answer').map((d) => strip<Answer>(d)) };
  }

  async listAnswers(year: number): Promise<Array<Versioned<Answer>>> {
    return (await this.store.listPartition<AnswerDoc>('rounds', roundPartition(year), 'answer')).map((d) => strip<Answer>(d));
  }

  async getAnswer(year: number, actionId: string, unit: string): Promise<Versioned<Answer> | undefined> {
    const doc = await this.store.read<AnswerDoc>('rounds', roundPartition(year), answerId(actionId, unit));
    return doc ? strip<Answer>(doc) : undefined;
  }

  earlierAnswers(year: number, now = Date.now()): Promise<Answer[]> {
    const kept = this.closedRounds.get(year);
    if (kept && now - kept.at < this.closedRoundMs) return kept.answers;
    const answers = this.getRoundWithAnswers(year).then((state) => {
      // An open round's answers still change: read each time. A closed (or absent) one is kept.
      if (state?.round.state === 'open') this.closedRounds.delete(year);
      return state?.answers ?? [];
    });
    this.closedRounds.set(year, { at: now, answers });
    // A failed read is not kept: the next card tries again.
    answers.catch(() => this.closedRounds.delete(year));
    return answers;
  }

  async listHistory(year: number): Promise<AnswerChange[]> {
    return (await this.store.listPartition<HistoryDoc>('rounds', roundPartition(year), 'history')).map((d) => strip<AnswerChange>(d));
  }

  /**
   * The answer's write goes first and is conditional (create, or replace with the ETag read), so a
   * concurrent change, a double click or a retried request leaves one answer and one history entry
   * per real change: the one that comes second gets 'conflict' and decides again on what it reads.
   */
  async saveAnswer(answer: Answer, current: Versioned<Answer> | null): Promise<AnswerOutcome | 'conflict'> {
    if (current && current.status === answer.status && current.description === answer.description) return 'unchanged';
    const pk = roundPartition(answer.year);
    const change: AnswerChange = {
      year: answer.year,
      actionId: answer.actionId,
      unit: answer.unit,
      by: answer.answeredBy,
      at: answer.answeredAt,
      before: current ? { status: current.status, description: current.description } : null,
      after: { status: answer.status, description: answer.description },
      onBehalf: answer.onBehalf,
    };
    const doc: AnswerDoc = { id: answerId(answer.actionId, answer.unit), pk, type: 'answer', ...answer };
    const history: HistoryDoc = {
      id: documentId('history', answer.actionId, answer.unit, answer.answeredAt, randomUUID()),
      pk,
      type: 'history',
      ...change,
    };
    const outcome = await batchIfUnchanged(this.store, 'rounds', pk, [
      current ? { op: 'replace', doc, ifMatch: current._etag } : { op: 'create', doc },
      { op: 'create', doc: history },
    ]);
    if (outcome === 'conflict') return 'conflict';
    return current ? 'changed' : 'created';
  }

  async listDeliveries(year: number): Promise<Array<Versioned<Delivery>>> {
    return (await this.store.listPartition<DeliveryDoc>('rounds', roundPartition(year), 'delivery')).map((d) => strip<Delivery>(d));
  }

  async putDelivery(delivery: Delivery, ifMatch?: string): Promise<{ etag: string } | 'conflict'> {
    const doc: DeliveryDoc = { id: deliveryId(delivery.recipient), pk: roundPartition(delivery.year), type: 'delivery', ...delivery };
    return writeIfUnchanged(this.store, 'rounds', doc, ifMatch);
  }

  /**
   * Each answer and history entry of the person rewritten under its ETag, each delivery to them
   * deleted, in batches of the store's size. An answer saved meanwhile fails its batch: the partition
   * is read again and what still names the person is done again, so nothing of them is left.
   */
  async eraseFromRound(year: number, identities: Person[], replacement: Person): Promise<ErasedFromRound> {
    const pk = roundPartition(year);
    const isThem = (p: Person): boolean => identities.some((i) => samePerson(i, p));
    const erased: ErasedFromRound = { answers: 0, history: 0, deliveries: 0 };
    for (let attempt = 0; attempt < 5; attempt++) {
      const docs = await this.store.listPartition<AnswerDoc | HistoryDoc | DeliveryDoc>('rounds', pk, ['answer', 'history', 'delivery']);
      const operations: Array<{ op: BatchOperation; kind: keyof ErasedFromRound }> = [];
      for (const doc of docs) {
        if (doc.type === 'answer' && isThem(doc.answeredBy))
          operations.push({
            kind: 'answers',
            op: { op: 'replace', doc: { ...withoutMeta(doc), answeredBy: replacement }, ifMatch: doc._etag },
          });
        else if (doc.type === 'history' && isThem(doc.by))
          operations.push({ kind: 'history', op: { op: 'replace', doc: { ...withoutMeta(doc), by: replacement }, ifMatch: doc._etag } });
        else if (doc.type === 'delivery' && isThem(doc.recipient))
          operations.push({ kind: 'deliveries', op: { op: 'delete', id: doc.id, ifMatch: doc._etag } });
      }
      if (operations.length === 0) break;
      let conflicted = false;
      for (let i = 0; i < operations.length; i += MAX_BATCH_OPERATIONS) {
        const chunk = operations.slice(i, i + MAX_BATCH_OPERATIONS);
        if (
          (await batchIfUnchanged(
            this.store,
            'rounds',
            pk,
            chunk.map((c) => c.op),
          )) === 'conflict'
        ) {
          conflicted = true;
          continue;
        }
        for (const c of chunk) erased[c.kind] += 1;
      }
      this.closedRounds.delete(year);
      if (!conflicted) break;
    }
    return erased;
  }

  async deleteRound(year: number): Promise<number> {
    const pk = roundPartition(year);
    const docs = await this.store.listPartition('rounds', pk);
    // The round document last: a round half deleted still shows, and deleting again finishes it.
    const ids = [...docs.filter((d) => d.id !== 'round'), ...docs.filter((d) => d.id === 'round')].map((d) => d.id);
    for (let i = 0; i < ids.length; i += MAX_BATCH_OPERATIONS)
      await this.store.batch(
        'rounds',
        pk,
        ids.slice(i, i + MAX_BATCH_OPERATIONS).map((id) => ({ op: 'delete' as const, id })),
      );
    this.closedRounds.delete(year);
    return ids.length;
  }
}
