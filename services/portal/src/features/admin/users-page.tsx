import { unwrap } from '@rekam/client'
import { useId, useState, type FormEvent } from 'react'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ui/error-alert.js'
import { Field, Select } from '../../components/ui/field.js'
import { Loading, Notice } from '../../components/ui/notice.js'
import { Page } from '../../components/ui/page.js'
import { Pager } from '../../components/ui/pager.js'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam, type Role, type User } from '../../lib/rekam.js'
import { useStepUp } from '../../lib/step-up.js'
import { useLoad } from '../../lib/use-load.js'
import { InviteForm } from './invite-form.js'
import { UserRow } from './user-row.js'

const LIMIT = 20
const ROLES: Role[] = ['PATIENT', 'DOCTOR', 'ADMIN']

/** Admins find users by name, role and status, change their role or block them, and invite staff. */
export function UsersPage () {
  const { t } = useI18n()
  const [params, setParams] = useSearchParams()
  const search = params.get('search') ?? ''
  const role = (params.get('role') ?? '') as Role | ''
  const blocked = params.get('blocked') ?? ''
  const page = Number(params.get('page') ?? 1) || 1
  const [draft, setDraft] = useState({ search, role: role as string, blocked })
  const [result, setResult] = useState<{ error?: unknown, notice?: string }>({})
  const [inviting, setInviting] = useState(false)
  const inviteId = useId()
  const withStepUp = useStepUp()
  const users = useLoad(async () => unwrap(await rekam.auth.GET('/api/users', {
    params: { query: { page, limit: LIMIT, ...(search ? { search } : {}), ...(role ? { role } : {}), ...(blocked ? { blocked: blocked === 'true' } : {}) } },
  })), params.toString())

  function submit (event: FormEvent) {
    event.preventDefault()
    setParams(Object.fromEntries(Object.entries({ ...draft, search: draft.search.trim() }).filter(([, v]) => v)))
  }
  async function act (run: () => Promise<unknown>, notice: string) {
    setResult({})
    try {
      // Changing a user (role, block, factor reset, reset link) needs a recent sign-in with a second factor.
      await withStepUp(run)
      setResult({ notice })
      users.reload()
    } catch (error) {
      setResult({ error })
    }
  }

  function invited (user: User) {
    setInviting(false)
    setResult({ notice: t('invite.sent', { name: user.fullName ?? user.username, email: user.email }) })
    users.reload()
  }

  const inviteToggle = (
    <button type='button' aria-expanded={inviting} aria-controls={inviteId} onClick={() => setInviting(!inviting)}>
      {inviting ? t('invite.close') : t('invite.open')}
    </button>
  )
  return (
    <Page title={t('users.title')} actions={inviteToggle}>
      <div id={inviteId}>{inviting && <InviteForm onInvited={invited} />}</div>
      <form className='filters' role='search' onSubmit={submit}>
        <Field label={t('users.search')} type='search' value={draft.search} onChange={(e) => setDraft({ ...draft, search: e.target.value })} />
        <Select label={t('users.role')} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
          <option value=''>{t('users.anyRole')}</option>
          {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </Select>
        <Select label={t('users.status')} value={draft.blocked} onChange={(e) => setDraft({ ...draft, blocked: e.target.value })}>
          <option value=''>{t('users.anyStatus')}</option>
          <option value='false'>{t('users.active')}</option>
          <option value='true'>{t('users.blocked')}</option>
        </Select>
        <button type='submit'>{t('patients.searchButton')}</button>
      </form>
      <ErrorAlert error={result.error ?? users.error} />
      <Notice>{result.notice}</Notice>
      {users.loading && !users.data && <Loading />}
      {users.data && (
        <div className='table-wrap'>
          <table>
            <thead>
              <tr><th scope='col'>{t('account.username')}</th><th scope='col'>{t('account.email')}</th><th scope='col'>{t('users.role')}</th><th scope='col'>{t('users.status')}</th><th scope='col'><span className='visually-hidden'>{t('users.block')}</span></th></tr>
            </thead>
            <tbody>{users.data.items.map((user) => <UserRow key={user.id} user={user} act={act} />)}</tbody>
          </table>
        </div>
      )}
      {users.data && <Pager page={page} limit={LIMIT} total={users.data.total} onPage={(p) => setParams({ ...Object.fromEntries(params), page: String(p) })} />}
    </Page>
  )
}
