import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'

interface Labelled {
  label: string
  hint?: string | undefined
}

function Wrap ({ id, label, hint, children }: Labelled & { id: string, children: ReactNode }) {
  return (
    <div className='field'>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
    </div>
  )
}

/** A labelled input; its hint is tied to it with aria-describedby. */
export function Field ({ label, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId()
  return <Wrap id={id} label={label} hint={hint}><input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} /></Wrap>
}

export function TextArea ({ label, hint, ...input }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId()
  return <Wrap id={id} label={label} hint={hint}><textarea id={id} rows={3} aria-describedby={hint ? `${id}-hint` : undefined} {...input} /></Wrap>
}

export function Select ({ label, hint, children, ...input }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId()
  return <Wrap id={id} label={label} hint={hint}><select id={id} {...input}>{children}</select></Wrap>
}
