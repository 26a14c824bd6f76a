import { and, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm'
import { containsPattern, defineStatement, placeholders, rowsOf, type StatementValue } from '@rekam/db'
import { offsetOf } from '@rekam/schemas'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { accessPurposeSql, inCareForListSql } from '../../db/care.js'
import { patients, type AccessPurpose, type PatientRow } from '../../db/schema.js'
import type { PatientListQuery, PatientProfile } from '../../schemas/patient.js'
import type { Actor } from '../../services/actor.js'
import { patientReadsLogSql, type ActorValues } from '../../db/access-log-statements.js'
import type { RecordsDb } from './db.js'

/** The columns of a profile, flat, for the read-and-log statements below. */
const PATIENT_COLUMNS = sql`${patients.id} as id, ${patients.userId} as user_id, ${patients.mrn} as mrn, ${patients.fullName} as full_name,
  ${patients.dateOfBirth}::text as date_of_birth, ${patients.gender} as gender, ${patients.phone} as phone,
  ${patients.address} as address, ${patients.email} as email, ${patients.nikEncrypted} as nik_encrypted, ${patients.nikHash} as nik_hash,
  ${patients.bpjsEncrypted} as bpjs_encrypted, ${patients.bpjsHash} as bpjs_hash, ${patients.registeredByUserId} as registered_by_user_id,
  ${patients.createdAt} as created_at, ${patients.updatedAt} as updated_at`

/** One row of a read-and-log statement, as both drivers return it. */
interface ReadRow {
  id: string
  user_id: string | null
  mrn: string
  full_name: string
  date_of_birth: string
  gender: PatientRow['gender']
  phone: string | null
  address: string | null
  email: string | null
  nik_encrypted: string | null
  nik_hash: string | null
  bpjs_encrypted: string | null
  bpjs_hash: string | null
  registered_by_user_id: string | null
  created_at: Date | string
  updated_at: Date | string
}

const asDate = (value: Date | string) => value instanceof Date ? value : new Date(value)

function fromReadRow (row: ReadRow): PatientRow {
  return {
    id: row.id,
    userId: row.user_id,
    mrn: row.mrn,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    phone: row.phone,
    address: row.address,
    email: row.email,
    nikEncrypted: row.nik_encrypted,
    nikHash: row.nik_hash,
    bpjsEncrypted: row.bpjs_encrypted,
    bpjsHash: row.bpjs_hash,
    registeredByUserId: row.registered_by_user_id,
    createdAt: asDate(row.created_at),
    updatedAt: asDate(row.updated_at),
  }
}

type ReaderValues = ActorValues & { now: StatementValue }

/**
 * A profile, the purpose the actor's access to it has now (the care rule, accessPurposeSql: null
 * when refused) and, only when it has one, a READ row with that purpose: one statement.
 */
function readAndLogSql (v: { id: StatementValue } & ReaderValues): SQL {
  return sql`
    with found as (
      select ${PATIENT_COLUMNS}, ${accessPurposeSql(patients.id, patients.userId, v, v.now)} as purpose from ${patients} where ${patients.id} = ${v.id}
    ), logged as (${patientReadsLogSql('found', v, { when: sql`found.purpose is not null`, purpose: sql`found.purpose` })})
    select found.* from found`
}

/**
 * A page of profiles (with the total) and a READ row for each profile on it: one statement. A
 * doctor is shown only the patients in their care (inCareForListSql).
 */
function listAndLogSql (where: SQL | undefined, v: { limit: StatementValue, offset: StatementValue } & ReaderValues): SQL {
  const filter = sql`where ${and(where, inCareForListSql(patients.id, v, v.now))}`
  return sql`
    with page as (
      select ${PATIENT_COLUMNS} from ${patients} ${filter}
      order by ${patients.fullName}, ${patients.id}
      limit ${v.limit} offset ${v.offset}
    ), logged as (${patientReadsLogSql('page', v)})
    select (select count(*)::int from ${patients} ${filter}) as total, page.*
    from (select 1) as one left join page on true
    order by page.full_name, page.id`
}

/**
 * The next medical record number: the prefix and the sequence, zero-padded to 6 digits (longer
 * once the sequence passes 999999, never truncated).
 */
export function nextMrnSql (prefix: string): SQL {
  return sql`(select ${prefix} || lpad(n::text, greatest(6, length(n::text)), '0') from nextval('patients_mrn_seq') as n)`
}

export function createPatientsRepository (db: RecordsDb, options: { mrnPrefix: string }) {
  // Turned into SQL text once (see defineStatement): with and without a name search.
  const readAndLogStatement = defineStatement<{ id: string, now: string } & Actor>(db, readAndLogSql(placeholders('id', 'userId', 'role', 'requestId', 'now')))
  const all = placeholders('limit', 'offset', 'userId', 'role', 'requestId', 'now')
  const listAllStatement = defineStatement<{ limit: number, offset: number, now: string } & Actor>(db, listAndLogSql(undefined, all))
  const searched = placeholders('pattern', 'limit', 'offset', 'userId', 'role', 'requestId', 'now')
  const searchStatement = defineStatement<{ pattern: string, limit: number, offset: number, now: string } & Actor>(db,
    listAndLogSql(ilike(patients.fullName, searched.pattern), searched))

  return {
    /** For rules and writes (is there such a patient?); a profile shown to someone is read by readAndLog. */
    async findById (id: string, tx: RecordsDb = db): Promise<PatientRow | undefined> {
      const [row] = await tx.select().from(patients).where(eq(patients.id, id)).limit(1)
      return row
    },

    async findByUserId (userId: string, tx: RecordsDb = db): Promise<PatientRow | undefined> {
      const [row] = await tx.select().from(patients).where(eq(patients.userId, userId)).limit(1)
      return row
    },

    /** Creates the user's profile or replaces it: one statement, so two concurrent PUTs cannot both insert. */
    async upsertForUser (userId: string, profile: PatientProfile, tx: RecordsDb = db): Promise<PatientRow> {
      const values = {
        fullName: profile.fullName,
        dateOfBirth: profile.dateOfBirth,
        gender: profile.gender ?? null,
        phone: profile.phone ?? null,
        address: profile.address ?? null,
      }
      // The MRN is drawn only when the row is inserted (a skipped number on an update is harmless).
      const [row] = await tx.insert(patients).values({ userId, mrn: nextMrnSql(options.mrnPrefix), ...values })
        .onConflictDoUpdate({ target: patients.userId, set: { ...values, updatedAt: new Date() } })
        .returning()
      return row!
    },

    /**
     * The accounts were erased in auth-service (docs/account-deletion.md): their profiles stay,
     * with the identity the medical record needs, but are unlinked from the account (no login
     * reaches them) and lose the contact data that came with it. The profile ids touched; none
     * when the erasure was handled already.
     */
    async releaseErasedAccounts (userIds: string[], tx: RecordsDb = db): Promise<string[]> {
      const rows = await tx.update(patients).set({ userId: null, email: null, phone: null, updatedAt: new Date() })
        .where(inArray(patients.userId, userIds)).returning({ id: patients.id })
      return rows.map((row) => row.id)
    },

    /** Locks the profile's row until the transaction ends: writes that check-then-insert per patient take turns. */
    async lockById (id: string, tx: RecordsDb): Promise<void> {
      await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, id)).for('update')
    },

    /**
     * The profile and the purpose of the actor's access to it now, with its READ row in the profile
     * access log written by the same statement when allowed (`purpose` null: refused, nothing written).
     */
    async readAndLog (id: string, actor: Actor, now: Date): Promise<{ patient: PatientRow, purpose: AccessPurpose | null } | undefined> {
      const [row] = rowsOf<ReadRow & { purpose: AccessPurpose | null }>(await readAndLogStatement({ id, now: now.toISOString(), ...actor }))
      return row && { patient: fromReadRow(row), purpose: row.purpose }
    },

    /** A page of profiles by name, with the total, and a READ row for each profile on the page. */
    async listAndLog (query: PatientListQuery, actor: Actor, now: Date): Promise<{ rows: PatientRow[], total: number }> {
      const values = { limit: query.limit, offset: offsetOf(query), now: now.toISOString(), ...actor }
      const result = query.search
        ? await searchStatement({ ...values, pattern: containsPattern(query.search) })
        : await listAllStatement(values)
      const rows = rowsOf<ReadRow & { total: number }>(result)
      return {
        rows: rows.filter((row) => row.id !== null).map(fromReadRow),
        total: Number(rows[0]?.total ?? 0),
      }
    },
  }
}

export type PatientsRepository = ReturnType<typeof createPatientsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    patientsRepository: PatientsRepository
  }
}

export default fp(async function patientsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('patientsRepository', createPatientsRepository(fastify.db, { mrnPrefix: fastify.config.MRN_PREFIX }))
}, { name: 'patients-repository', dependencies: ['db'] })
