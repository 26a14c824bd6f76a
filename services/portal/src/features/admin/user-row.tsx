import { unwrap } from '@rekam/client'
import { useId } from 'react'
import { useI18n } from '../../lib/i18n/provider.js'
import { rekam, type Role, type User } from '../../lib/rekam.js'

const ROLES: Role[] = ['PATIENT', 'DOCTOR', 'ADMIN']

interface Props {
  user: User
  act (run: () => Promise<unknown>, notice: string): Promise<void>
}

/** One user in the admin's list: role, block or unblock, reset second factors, send a password reset link, unlock a locked sign-in. */
export function UserRow ({ user, act }: Props) {
  const { t } = useI18n()
  const id = useId()
  const name = user.fullName ?? user.username
  const patch = (body: { role?: Role, blocked?: boolean }) => act(async () => unwrap(await rekam.auth.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body })), t('users.saved'))
  const resetFactors = () => {
    if (!window.confirm(t('users.confirmReset', { name }))) return
    return act(async () => unwrap(await rekam.auth.POST('/api/users/{id}/mfa-reset', { params: { path: { id: user.id } } })), t('users.factorsReset', { name }))
  }
  const sendReset = () => {
    if (!window.confirm(t('users.confirmSendReset', { name }))) return
    return act(async () => unwrap(await rekam.auth.POST('/api/users/{id}/password-reset', { params: { path: { id: user.id } } })), t('users.resetSent', { name }))
  }
  const unlock = () => act(async () => unwrap(await rekam.auth.POST('/api/users/{id}/unlock', { params: { path: { id: user.id } } })), t('users.unlocked', { name }))
  return (
    <tr>
      <td>{user.username}<br /><small>{user.fullName}</small></td>
      <td>{user.email}</td>
      <td>
        <label className='visually-hidden' htmlFor={id}>{t('users.changeRole', { name })}</label>
        <select id={id} value={user.role} onChange={(e) => patch({ role: e.target.value as Role })}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
      </td>
      <td>{user.blocked ? <span className='badge badge-danger'>{t('users.blocked')}</span> : t('users.active')}</td>
      <td>
        <div className='actions'>
          <button type='button' onClick={() => patch({ blocked: !user.blocked })}>{user.blocked ? t('users.unblock') : t('users.block')}<span className='visually-hidden'> {name}</span></button>
          <button type='button' onClick={resetFactors}>{t('users.resetFactors')}<span className='visually-hidden'> {name}</span></button>
          <button type='button' onClick={sendReset}>{t('users.sendReset')}<span className='visually-hidden'> {name}</span></button>
          <button type='button' onClick={unlock}>{t('users.unlock')}<span className='visually-hidden'> {name}</span></button>
        </div>
      </td>
    </tr>
  )
}
