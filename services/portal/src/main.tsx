import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { router } from './app/router.js'
import { I18nProvider } from './lib/i18n/provider.js'
import { SessionProvider } from './lib/session.js'
import { StepUpProvider } from './app/step-up-provider.js'
import './styles/base.css'
import './styles/layout.css'
import './styles/forms.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <StepUpProvider>
          <RouterProvider router={router} />
        </StepUpProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
)
