import { lazy, type ComponentType } from 'react'
import { createBrowserRouter } from 'react-router'
import { SignInPage } from '../features/auth/sign-in-page.js'
import { GuestOnly, Home, RequireRole, RequireSession } from './guards.js'
import { Layout, NotFound } from './layout.js'

// Sign-in is in the first load; every other page is its own chunk, loaded when first opened.
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }))
const RegisterPage = named(() => import('../features/auth/register-page.js'), 'RegisterPage')
const SetPasswordPage = named(() => import('../features/auth/set-password-page.js'), 'SetPasswordPage')
const ForgotPasswordPage = named(() => import('../features/auth/forgot-password-page.js'), 'ForgotPasswordPage')
const ResetPasswordPage = named(() => import('../features/auth/reset-password-page.js'), 'ResetPasswordPage')
const VerifyEmailPage = named(() => import('../features/auth/verify-email-page.js'), 'VerifyEmailPage')
const AccountPage = named(() => import('../features/account/account-page.js'), 'AccountPage')
const SessionsPage = named(() => import('../features/account/sessions-page.js'), 'SessionsPage')
const SignInHistoryPage = named(() => import('../features/account/history-page.js'), 'HistoryPage')
const NotificationsPage = named(() => import('../features/account/notifications-page.js'), 'NotificationsPage')
const ConfirmEmailPage = named(() => import('../features/account/confirm-email-page.js'), 'ConfirmEmailPage')
const RecordsPage = named(() => import('../features/records/records-page.js'), 'RecordsPage')
const RecordPage = named(() => import('../features/records/record-page.js'), 'RecordPage')
const HistoryPage = named(() => import('../features/records/history-page.js'), 'HistoryPage')
const AmendmentQueuePage = named(() => import('../features/records/amendment-queue-page.js'), 'AmendmentQueuePage')
const RecordFormPage = named(() => import('../features/records/record-form-page.js'), 'RecordFormPage')
const PatientProfilePage = named(() => import('../features/patient/patient-profile-page.js'), 'PatientProfilePage')
const DoctorProfilePage = named(() => import('../features/doctor/doctor-profile-page.js'), 'DoctorProfilePage')
const PatientsPage = named(() => import('../features/doctor/patients-page.js'), 'PatientsPage')
const RegisterPatientPage = named(() => import('../features/doctor/register-patient-page.js'), 'RegisterPatientPage')
const PatientPage = named(() => import('../features/doctor/patient-page.js'), 'PatientPage')
const ClaimPage = named(() => import('../features/patient/claim-page.js'), 'ClaimPage')
const UsersPage = named(() => import('../features/admin/users-page.js'), 'UsersPage')
const EventsPage = named(() => import('../features/admin/events-page.js'), 'EventsPage')
const CareTeamPage = named(() => import('../features/patient/care-team-page.js'), 'CareTeamPage')
const EmergencyAccessPage = named(() => import('../features/admin/emergency-access-page.js'), 'EmergencyAccessPage')
const RefusalsPage = named(() => import('../features/admin/refusals-page.js'), 'RefusalsPage')
const AuditTrailPage = named(() => import('../features/admin/audit-trail-page.js'), 'AuditTrailPage')

export const router = createBrowserRouter([{
  element: <Layout />,
  children: [
    {
      element: <GuestOnly />,
      children: [
        { path: '/sign-in', element: <SignInPage /> },
        { path: '/register', element: <RegisterPage /> },
        { path: '/forgot-password', element: <ForgotPasswordPage /> },
      ],
    },
    // A mailed link opens wherever its owner is: signed in or not, nothing here uses a session.
    { path: '/set-password', element: <SetPasswordPage /> },
    // A reset link works whoever is signed in here: the reset ends every session anyway.
    { path: '/reset-password', element: <ResetPasswordPage /> },
    {
      element: <RequireSession />,
      children: [
        { path: '/', element: <Home /> },
        { path: '/account', element: <AccountPage /> },
        { path: '/account/sessions', element: <SessionsPage /> },
        { path: '/account/history', element: <SignInHistoryPage /> },
        { path: '/account/notifications', element: <NotificationsPage /> },
        { path: '/records', element: <RecordsPage /> },
        { path: '/records/:id', element: <RecordPage /> },
        { path: '/records/:id/history', element: <HistoryPage /> },
        { path: '/patient/profile', element: <RequireRole roles={['PATIENT']}><PatientProfilePage /></RequireRole> },
        { path: '/care-team', element: <RequireRole roles={['PATIENT']}><CareTeamPage /></RequireRole> },
        { path: '/claim', element: <RequireRole roles={['PATIENT']}><ClaimPage /></RequireRole> },
        {
          element: <RequireRole roles={['DOCTOR', 'ADMIN']} />,
          children: [
            { path: '/patients', element: <PatientsPage /> },
            { path: '/patients/new', element: <RegisterPatientPage /> },
            { path: '/patients/:id', element: <PatientPage /> },
            { path: '/records/new', element: <RecordFormPage /> },
            { path: '/records/:id/edit', element: <RecordFormPage /> },
            { path: '/amendment-requests', element: <AmendmentQueuePage /> },
          ],
        },
        { path: '/doctor/profile', element: <RequireRole roles={['DOCTOR']}><DoctorProfilePage /></RequireRole> },
        {
          element: <RequireRole roles={['ADMIN']} />,
          children: [
            { path: '/admin/users', element: <UsersPage /> },
            { path: '/admin/events', element: <EventsPage /> },
            { path: '/admin/emergency-access', element: <EmergencyAccessPage /> },
            { path: '/admin/refusals', element: <RefusalsPage /> },
            { path: '/admin/audit-trail', element: <AuditTrailPage /> },
          ],
        },
      ],
    },
    // Mailed links: opened signed in or not, on any device.
    { path: '/verify-email', element: <VerifyEmailPage /> },
    { path: '/confirm-email', element: <ConfirmEmailPage /> },
    { path: '*', element: <NotFound /> },
  ],
}])
