import { Suspense } from 'react'
import { NavLink, Outlet, useLocation } from 'react-router'
import { Loading } from '../components/ui/notice.js'
import type { MessageKey } from '../lib/i18n/en.js'
import { useI18n } from '../lib/i18n/provider.js'
import { rekam, type Role } from '../lib/rekam.js'
import { useSession } from '../lib/session.js'
import { useUnread } from '../lib/unread.js'
import { IdleWarning } from './idle-warning.js'
import { LanguageSwitch } from './language-switch.js'

const MENU: Record<Role, Array<[string, MessageKey]>> = {
  PATIENT: [['/records', 'nav.records'], ['/care-team', 'nav.careTeam'], ['/patient/profile', 'nav.patientProfile']],
  DOCTOR: [['/patients', 'nav.myPatients'], ['/records', 'records.staffTitle'], ['/amendment-requests', 'nav.amendmentRequests'], ['/doctor/profile', 'nav.doctorProfile']],
  ADMIN: [
    ['/admin/users', 'nav.users'], ['/admin/events', 'nav.events'], ['/admin/emergency-access', 'nav.emergencyAccess'], ['/admin/refusals', 'nav.refusals'],
    ['/admin/audit-trail', 'nav.auditTrail'], ['/patients', 'nav.patients'], ['/records', 'records.staffTitle'], ['/amendment-requests', 'nav.amendmentRequests'],
  ],
}
const ACCOUNT_MENU: Array<[string, MessageKey]> = [['/account', 'nav.account'], ['/account/notifications', 'nav.notifications'], ['/account/sessions', 'nav.sessions'], ['/account/history', 'nav.history']]

/** Signs out even when the server cannot be reached: the client forgets the session either way. */
function signOut () {
  rekam.signOut().catch(() => {})
}

/** The frame of every page: skip link, header with the menu and the language switch, the page. */
export function Layout () {
  const { t } = useI18n()
  const { user } = useSession()
  const links = user ? [...MENU[user.role], ...ACCOUNT_MENU] : []
  const { pathname } = useLocation()
  const unread = useUnread(user ? `${user.id}:${pathname}` : null)
  return (
    <>
      <a className='skip-link' href='#main'>{t('app.skip')}</a>
      <header className='site-header'>
        <NavLink to='/' className='brand'>{t('app.name')}</NavLink>
        {user && (
          <nav aria-label={t('app.nav')}>
            <ul className='menu'>
              {links.map(([to, key]) => (
                <li key={to}>
                  <NavLink to={to} end>
                    {t(key)}
                    {key === 'nav.notifications' && unread > 0 && <>{' '}<span className='badge'><span aria-hidden='true'>{unread}</span><span className='visually-hidden'>{t('nav.unread', { count: unread })}</span></span></>}
                  </NavLink>
                </li>
              ))}
              <li><button type='button' className='link-button' onClick={signOut}>{t('nav.signOut')}</button></li>
            </ul>
          </nav>
        )}
        <LanguageSwitch />
      </header>
      <main id='main'>
        <Suspense fallback={<Loading />}><Outlet /></Suspense>
      </main>
      {user && user.role !== 'PATIENT' && <IdleWarning key={user.id} />}
    </>
  )
}

export function NotFound () {
  const { t } = useI18n()
  return (
    <section className='page'>
      <h1>{t('app.notFound')}</h1>
      <p><NavLink to='/'>{t('app.home')}</NavLink></p>
    </section>
  )
}
