import { useMutation, useQuery } from '@tanstack/react-query';
import { acceptToken } from '../api/auth';
import { api, type Schemas } from '../api/client';
import { queryClient, unwrap } from '../app/query';

/** Changes my name and, for a volunteer, the name the service calls me (PATCH /v1/me/account). */
export function useRename() {
  return useMutation({
    mutationFn: async (body: Schemas['AccountNamesInput']) =>
      unwrap(await api.PATCH('/v1/me/account', { body })),
    onSuccess: (me) => queryClient.setQueryData(['me'], me),
  });
}

/**
 * Asks to sign in with another address (PUT /v1/me/email). The answer is the same whether or not
 * the address was free, so the account page reads GET /v1/me again for the address in use.
 */
export function useChangeEmail() {
  return useMutation({
    mutationFn: async (body: Schemas['ChangeEmailDto']) =>
      unwrap(await api.PUT('/v1/me/email', { body })),
    // Refetched before the account page shows, even though no page on the way reads it: that
    // page says the row shows the address in use.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'], refetchType: 'all' }),
  });
}

/**
 * Changes my password (POST /v1/me/password). The server ends every login of the account, this
 * one too, so this browser signs in again with the new password and stays signed in.
 */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: Schemas['ChangePasswordDto'] & { email: string }) => {
      const { email, ...change } = body;
      unwrap(await api.POST('/v1/me/password', { body: change }));
      const login = await api.POST('/v1/auth/login', {
        body: { email, password: change.newPassword },
      });
      // Should that fail, the next request finds the login ended and the page asks to sign in.
      if (login.data) acceptToken(login.data);
    },
  });
}

/** Asks for a code by text to my number (POST /v1/me/phone/code). */
export function useAskPhoneCode() {
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/me/phone/code')),
  });
}

/** Confirms my number with the code from the latest text (POST /v1/me/phone/confirm). */
export function useConfirmPhone() {
  return useMutation({
    mutationFn: async (body: Schemas['ConfirmPhoneDto']) =>
      unwrap(await api.POST('/v1/me/phone/confirm', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}

/** Which kinds of message reach me by text, email or both (GET /v1/me/message-preferences). */
export function useMessagePreferences() {
  return useQuery({
    queryKey: ['my-message-preferences'],
    queryFn: async () => unwrap(await api.GET('/v1/me/message-preferences')),
  });
}

/** Saves my choice per kind (PUT /v1/me/message-preferences). */
export function useChooseMessageWays() {
  return useMutation({
    mutationFn: async (body: Schemas['MessageChoiceDto']) =>
      unwrap(await api.PUT('/v1/me/message-preferences', { body })),
    onSuccess: (view) => queryClient.setQueryData(['my-message-preferences'], view),
  });
}

/** Signed-out calls from an email's link or the sign-in page: each page reads the answer itself. */
export const confirmEmail = (token: string) =>
  api.POST('/v1/auth/confirm-email', { body: { token } });

export const askForPasswordReset = (email: string) =>
  api.POST('/v1/auth/password-reset', { body: { email } });

export const completePasswordReset = (token: string, password: string) =>
  api.POST('/v1/auth/password-reset/complete', { body: { token, password } });
