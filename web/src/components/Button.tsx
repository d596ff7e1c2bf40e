import type { ButtonHTMLAttributes } from 'react';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'warning';
}

/** A real <button>; defaults to submit because most buttons end a form. */
export function Button({
  variant = 'primary',
  className = '',
  type = 'submit',
  ...rest
}: ButtonProps) {
  const variantClass = variant === 'primary' ? '' : ` govuk-button--${variant}`;
  return (
    <button
      type={type}
      className={`govuk-button${variantClass} ${className}`}
      data-module="govuk-button"
      {...rest}
    />
  );
}

export function ButtonGroup({ children }: { children: React.ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
