/* eslint-disable */
// Generated from openapi/auth.json by `pnpm --filter @rekam/client generate`; do not edit.

export interface paths {
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a PATIENT account and sign it in
         * @description The account's language (locale) is the first of id and en that Accept-Language prefers (id by default). When mail is configured, a link to verify the address is mailed (valid 24 hours; POST /api/auth/email/verify). With EMAIL_VERIFICATION=required the answer has no tokens but emailVerificationRequired: true, and sign-in answers 403 EMAIL_NOT_VERIFIED until the link is opened. With tokenDelivery "cookie" the refresh token is set as the HttpOnly cookie __Host-rekam-refresh and left out of the body.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Letters, digits, dot, dash and underscore; case-insensitive */
                        username: string;
                        /** Format: email */
                        email: string;
                        password: string;
                        fullName?: string;
                        /** @description Where the refresh token goes. body (the default): in the answer's tokens. cookie (browsers): only in the HttpOnly cookie __Host-rekam-refresh (HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age = refreshExpiresIn), never in the body; refresh and logout then read it from the cookie, and such requests must pass the CSRF checks (see POST /api/auth/refresh). */
                        tokenDelivery?: "body" | "cookie";
                    };
                };
            };
            responses: {
                /** @description Created: the envelope { success: true, data, message? } holds what was created */
                201: {
                    headers: {
                        /** @description With cookie delivery: __Host-rekam-refresh=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0. */
                        "set-cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                                /**
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "refreshToken": "mQ3vT8xK2pL9sN4wR7yB1cF6hJ0dG5eA8uZ3iO2kV7q",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 */
                                tokens?: {
                                    accessToken: string;
                                    /** @description Only with tokenDelivery "body" (the default); with "cookie" it is in the __Host-rekam-refresh cookie instead, and absent here. */
                                    refreshToken?: string;
                                    /** @enum {string} */
                                    tokenType: "Bearer";
                                    /** @description Seconds until the access token expires */
                                    expiresIn: number;
                                    /** @description Seconds until the refresh token expires (the cookie's Max-Age with cookie delivery) */
                                    refreshExpiresIn: number;
                                };
                                /** @description A link to verify the address is on its way (false when no mail server is configured) */
                                verificationSent: boolean;
                                /**
                                 * @description No tokens: open the link mailed to the address (POST /api/auth/email/verify), then sign in.
                                 * @enum {boolean}
                                 */
                                emailVerificationRequired?: true;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.username must have required property 'username'",
                         *         "details": [
                         *           {
                         *             "field": "body.username",
                         *             "message": "must have required property 'username'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with username or email and password
         * @description With EMAIL_VERIFICATION=required, a right password of an account whose address is not verified answers 403 EMAIL_NOT_VERIFIED (ask for a new link: POST /api/auth/email/verify/resend). A user with a second factor gets { mfaRequired, ticket, methods, expiresIn } and no tokens: finish with POST /api/auth/mfa/verify. A user whose role is in MFA_REQUIRED_ROLES and who has no factor gets { mfaEnrollmentRequired, ticket, methods, expiresIn }: enrol with that ticket (POST /api/auth/mfa/totp), and confirming the factor signs in. Each attempt counts before its password is checked, and a right password clears the account's count: past LOGIN_MAX_FAILURES attempts for one account or name (or LOGIN_MAX_FAILURES_PER_IP from one address) within LOGIN_FAILURE_WINDOW, every attempt answers 429 with Retry-After and the x-ratelimit-* headers until the window ends. With tokenDelivery "cookie" the refresh token is set as the HttpOnly cookie __Host-rekam-refresh and left out of the body.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Give either username or email (not both). */
            requestBody: {
                content: {
                    "application/json": {
                        username?: string;
                        email?: string;
                        password: string;
                        /** @description Where the refresh token goes. body (the default): in the answer's tokens. cookie (browsers): only in the HttpOnly cookie __Host-rekam-refresh (HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age = refreshExpiresIn), never in the body; refresh and logout then read it from the cookie, and such requests must pass the CSRF checks (see POST /api/auth/refresh). */
                        tokenDelivery?: "body" | "cookie";
                    } & (unknown | unknown);
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description With cookie delivery: __Host-rekam-refresh=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0. */
                        "set-cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                                /**
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "refreshToken": "mQ3vT8xK2pL9sN4wR7yB1cF6hJ0dG5eA8uZ3iO2kV7q",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 */
                                tokens: {
                                    accessToken: string;
                                    /** @description Only with tokenDelivery "body" (the default); with "cookie" it is in the __Host-rekam-refresh cookie instead, and absent here. */
                                    refreshToken?: string;
                                    /** @enum {string} */
                                    tokenType: "Bearer";
                                    /** @description Seconds until the access token expires */
                                    expiresIn: number;
                                    /** @description Seconds until the refresh token expires (the cookie's Max-Age with cookie delivery) */
                                    refreshExpiresIn: number;
                                };
                            } | {
                                /** @enum {boolean} */
                                mfaRequired: true;
                                ticket: string;
                                /** @description What this user can prove the second step with */
                                methods: ("totp" | "recovery_code" | "webauthn")[];
                                /** @description Seconds the ticket lives */
                                expiresIn: number;
                            } | {
                                /** @enum {boolean} */
                                mfaEnrollmentRequired: true;
                                ticket: string;
                                /** @description The factors that can be enrolled */
                                methods: ("totp" | "recovery_code" | "webauthn")[];
                                /** @description Seconds the ticket lives */
                                expiresIn: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.password must have required property 'password'",
                         *         "details": [
                         *           {
                         *             "field": "body.password",
                         *             "message": "must have required property 'password'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description INVALID_CREDENTIALS: Unknown user or wrong password (the same answer for both). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "INVALID_CREDENTIALS",
                         *         "message": "Invalid username, email or password",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description ACCOUNT_BLOCKED: The account is blocked. EMAIL_NOT_VERIFIED: EMAIL_VERIFICATION=required and the address is not verified yet: open the mailed link or ask for a new one. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "ACCOUNT_BLOCKED",
                         *         "message": "This account is blocked",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/set-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose the password of an account created for you, with the token of its set-password link
         * @description The token works once and until the link expires; a password the policy refuses leaves it usable. Signs nothing in: sign in with the new password afterwards.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "token": "qELXyLc-Jl6dcfg10I1vLmOoq9WhUog4JPDg5UKsyH0",
                     *       "password": "velvet harbor quartz nineteen"
                     *     }
                     */
                    "application/json": {
                        /** @description The #token=... part of the set-password link */
                        token: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: null;
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. SET_PASSWORD_TOKEN_INVALID: The set-password link is unknown, expired or already used. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.token must have required property 'token'",
                         *         "details": [
                         *           {
                         *             "field": "body.token",
                         *             "message": "must have required property 'token'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair (the old one stops working)
         * @description At most RATE_LIMIT_REFRESH refreshes per client address per minute (a request with a malformed body is refused before it is counted). Without refreshToken in the body the refresh cookie is used, and the request must pass the CSRF checks, otherwise 403 CSRF_REJECTED (and a CSRF_REJECTED security event): an Origin header that is the gateway's own origin (PUBLIC_URL's) or one of CORS_ORIGINS; Sec-Fetch-Site, when sent, same-origin or same-site; and the header x-rekam-csrf: 1. A token in the body is not checked. A token that came by cookie is answered by cookie (the new refresh token replaces the cookie, the body has none); an answer that finds the cookie's session dead (401 REFRESH_TOKEN_INVALID, 403 ACCOUNT_BLOCKED) clears the cookie. A token of a session that ended because its user was blocked answers 403 ACCOUNT_BLOCKED (when it would otherwise have been exchanged): its holder proves they had the session, so this reveals nothing new, and the portal can tell the user why; other ended sessions answer 401 REFRESH_TOKEN_INVALID.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required as "1" when the refresh cookie authenticates the request (no refreshToken in the body); a cross-origin page cannot send it without a CORS preflight */
                    "x-rekam-csrf"?: string;
                };
                path?: never;
                cookie?: {
                    /** @description The refresh token of a browser session (tokenDelivery "cookie"): read when the body has no refreshToken */
                    "__Host-rekam-refresh"?: string;
                };
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The refresh token. Left out, it is read from the __Host-rekam-refresh cookie (cookie delivery), and the request must pass the CSRF checks; with neither, 401 REFRESH_TOKEN_INVALID. */
                        refreshToken?: string;
                        /** @description Where the new refresh token goes: by default where the presented one came from. A token that came by cookie is always answered by cookie (a script must never read it out of the HttpOnly cookie); a body token moves to the cookie with "cookie". */
                        tokenDelivery?: "body" | "cookie";
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description With cookie delivery: __Host-rekam-refresh=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0. */
                        "set-cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                /**
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "refreshToken": "mQ3vT8xK2pL9sN4wR7yB1cF6hJ0dG5eA8uZ3iO2kV7q",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 */
                                tokens: {
                                    accessToken: string;
                                    /** @description Only with tokenDelivery "body" (the default); with "cookie" it is in the __Host-rekam-refresh cookie instead, and absent here. */
                                    refreshToken?: string;
                                    /** @enum {string} */
                                    tokenType: "Bearer";
                                    /** @description Seconds until the access token expires */
                                    expiresIn: number;
                                    /** @description Seconds until the refresh token expires (the cookie's Max-Age with cookie delivery) */
                                    refreshExpiresIn: number;
                                };
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body must NOT have fewer than 1 properties",
                         *         "details": [
                         *           {
                         *             "field": "body",
                         *             "message": "must NOT have fewer than 1 properties"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description REFRESH_TOKEN_INVALID: The refresh token is unknown, expired, revoked or already used. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "REFRESH_TOKEN_INVALID",
                         *         "message": "The refresh token is invalid or has expired",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description ACCOUNT_BLOCKED: The account is blocked. CSRF_REJECTED: A request authenticated by the refresh cookie failed the CSRF checks: its Origin is not the gateway's own or one of CORS_ORIGINS, its Sec-Fetch-Site is cross-site, or it lacks the header x-rekam-csrf: 1. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "ACCOUNT_BLOCKED",
                         *         "message": "This account is blocked",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the refresh token's session, the user's other sessions, or all of them (idempotent)
         * @description Without refreshToken in the body the refresh cookie is used, and the request must pass the CSRF checks, otherwise 403 CSRF_REJECTED (and a CSRF_REJECTED security event): an Origin header that is the gateway's own origin (PUBLIC_URL's) or one of CORS_ORIGINS; Sec-Fetch-Site, when sent, same-origin or same-site; and the header x-rekam-csrf: 1. A token in the body is not checked. The scopes that end the session of the cookie (current, all) clear the cookie, also when its session had already ended. Scope others needs the token's session to have signed in (or stepped up) within STEP_UP_MAX_AGE seconds, with a second factor when the user has one or the role requires one: otherwise 401 STEP_UP_REQUIRED (POST /api/auth/reauthenticate, then retry).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required as "1" when the refresh cookie authenticates the request (no refreshToken in the body); a cross-origin page cannot send it without a CORS preflight */
                    "x-rekam-csrf"?: string;
                };
                path?: never;
                cookie?: {
                    /** @description The refresh token of a browser session (tokenDelivery "cookie"): read when the body has no refreshToken */
                    "__Host-rekam-refresh"?: string;
                };
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The refresh token. Left out, it is read from the __Host-rekam-refresh cookie (cookie delivery), and the request must pass the CSRF checks; with neither, 401 REFRESH_TOKEN_INVALID. */
                        refreshToken?: string;
                        /** @description current (default): this session; others: every other session of the user; all: every session */
                        scope?: "current" | "others" | "all";
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description With cookie delivery: __Host-rekam-refresh=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0. */
                        "set-cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: null;
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body must NOT have fewer than 1 properties",
                         *         "details": [
                         *           {
                         *             "field": "body",
                         *             "message": "must NOT have fewer than 1 properties"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description REFRESH_TOKEN_INVALID: The refresh token is unknown, expired, revoked or already used. STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "REFRESH_TOKEN_INVALID",
                         *         "message": "The refresh token is invalid or has expired",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description CSRF_REJECTED: A request authenticated by the refresh cookie failed the CSRF checks: its Origin is not the gateway's own or one of CORS_ORIGINS, its Sec-Fetch-Site is cross-site, or it lacks the header x-rekam-csrf: 1. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CSRF_REJECTED",
                         *         "message": "Cross-site request refused: a request using the session cookie must come from rekam's own pages",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish a sign-in with a second factor: answers as a login does
         * @description method totp with the 6-digit code (each code works once), recovery_code with one unused recovery code, webauthn with the assertion as response. The ticket works once and for 5 minutes; 5 wrong codes end it. Each wrong code counts toward the account lockout like a wrong password (429 with Retry-After once locked). A right code opens a session whose tokens carry amr ["pwd","otp"] (or ["pwd","hwk","user"]) and acr urn:rekam:aal2.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The ticket a sign-in answered with (single use, 5 minutes) */
                        ticket: string;
                        method: "totp" | "recovery_code" | "webauthn";
                        /** @description A TOTP code (6 digits) or a recovery code */
                        code?: string;
                        /** @description The WebAuthn assertion (method webauthn) */
                        response?: {
                            [key: string]: unknown;
                        };
                        /** @description Where the refresh token goes. body (the default): in the answer's tokens. cookie (browsers): only in the HttpOnly cookie __Host-rekam-refresh (HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age = refreshExpiresIn), never in the body; refresh and logout then read it from the cookie, and such requests must pass the CSRF checks (see POST /api/auth/refresh). */
                        tokenDelivery?: "body" | "cookie";
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description With cookie delivery: __Host-rekam-refresh=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0. */
                        "set-cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                                /**
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "refreshToken": "mQ3vT8xK2pL9sN4wR7yB1cF6hJ0dG5eA8uZ3iO2kV7q",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 */
                                tokens: {
                                    accessToken: string;
                                    /** @description Only with tokenDelivery "body" (the default); with "cookie" it is in the __Host-rekam-refresh cookie instead, and absent here. */
                                    refreshToken?: string;
                                    /** @enum {string} */
                                    tokenType: "Bearer";
                                    /** @description Seconds until the access token expires */
                                    expiresIn: number;
                                    /** @description Seconds until the refresh token expires (the cookie's Max-Age with cookie delivery) */
                                    refreshExpiresIn: number;
                                };
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.ticket must have required property 'ticket'",
                         *         "details": [
                         *           {
                         *             "field": "body.ticket",
                         *             "message": "must have required property 'ticket'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description MFA_TICKET_INVALID: The sign-in ticket is unknown, expired (5 minutes), already used or spent by too many wrong codes: sign in again. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "MFA_TICKET_INVALID",
                         *         "message": "This sign-in has expired or was already completed; sign in again",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description MFA_CODE_INVALID: The second-factor code or passkey answer is wrong, expired or already used. ACCOUNT_BLOCKED: The account is blocked. EMAIL_NOT_VERIFIED: EMAIL_VERIFICATION=required and the address is not verified yet: open the mailed link or ask for a new one. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "MFA_CODE_INVALID",
                         *         "message": "The code is wrong, expired or already used",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a passkey sign-in: options for navigator.credentials.get with no allowed list (the browser offers the passkeys it holds)
         * @description The challenge works once, for 5 minutes; user verification is required.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /** @example {} */
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description PublicKeyCredentialRequestOptionsJSON: pass to navigator.credentials.get (PublicKeyCredential.parseRequestOptionsFromJSON) or @simplewebauthn/browser startAuthentication */
                            data: {
                                challenge: string;
                                timeout?: number;
                                rpId?: string;
                                allowCredentials?: {
                                    id: string;
                                    /** @enum {string} */
                                    type: "public-key";
                                    transports?: string[];
                                }[];
                                userVerification?: string;
                                hints?: string[];
                                extensions?: {
                                    [key: string]: unknown;
                                };
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.email must match format \"email\"",
                         *         "details": [
                         *           {
                         *             "field": "body.email",
                         *             "message": "must match format \"email\""
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/passkey/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a passkey: answers as a login does
         * @description The assertion names its credential; its owner is signed in with amr ["hwk","user"] and acr urn:rekam:aal2 (phishing-resistant: no second step follows). An unknown passkey and an assertion that does not verify (another challenge or origin, a counter that did not move forward, no user verification) answer alike, 401 INVALID_CREDENTIALS, and count like wrong passwords (per account and per address, 429 with Retry-After once locked); a blocked account 403 ACCOUNT_BLOCKED. With EMAIL_VERIFICATION=required, a right passkey of an unverified address answers 403 EMAIL_NOT_VERIFIED as a right password does (not counted as a failure). With tokenDelivery "cookie" the refresh token is set as the HttpOnly cookie __Host-rekam-refresh and left out of the body.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description AuthenticationResponseJSON: what navigator.credentials.get answered, as JSON */
                        response: {
                            /** @description The credential id */
                            id: string;
                            rawId: string;
                            /** @enum {string} */
                            type: "public-key";
                            authenticatorAttachment?: string;
                            clientExtensionResults?: {
                                [key: string]: unknown;
                            };
                            response: {
                                clientDataJSON: string;
                                authenticatorData: string;
                                signature: string;
                                userHandle?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Where the refresh token goes. body (the default): in the answer's tokens. cookie (browsers): only in the HttpOnly cookie __Host-rekam-refresh (HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age = refreshExpiresIn), never in the body; refresh and logout then read it from the cookie, and such requests must pass the CSRF checks (see POST /api/auth/refresh). */
                        tokenDelivery?: "body" | "cookie";
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description With cookie delivery: __Host-rekam-refresh=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0. */
                        "set-cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                                /**
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "refreshToken": "mQ3vT8xK2pL9sN4wR7yB1cF6hJ0dG5eA8uZ3iO2kV7q",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 */
                                tokens: {
                                    accessToken: string;
                                    /** @description Only with tokenDelivery "body" (the default); with "cookie" it is in the __Host-rekam-refresh cookie instead, and absent here. */
                                    refreshToken?: string;
                                    /** @enum {string} */
                                    tokenType: "Bearer";
                                    /** @description Seconds until the access token expires */
                                    expiresIn: number;
                                    /** @description Seconds until the refresh token expires (the cookie's Max-Age with cookie delivery) */
                                    refreshExpiresIn: number;
                                };
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.response must have required property 'response'",
                         *         "details": [
                         *           {
                         *             "field": "body.response",
                         *             "message": "must have required property 'response'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description INVALID_CREDENTIALS: Unknown user or wrong password (the same answer for both). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "INVALID_CREDENTIALS",
                         *         "message": "Invalid username, email or password",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description ACCOUNT_BLOCKED: The account is blocked. EMAIL_NOT_VERIFIED: EMAIL_VERIFICATION=required and the address is not verified yet: open the mailed link or ask for a new one. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "ACCOUNT_BLOCKED",
                         *         "message": "This account is blocked",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset link by mail
         * @description Answers 202 with the same body, in the same time, whether or not an account has the address: the account is looked up, and the link written to the mail outbox, only after the answer. The mail (in the account's language) carries PUBLIC_URL/reset-password#token=...; the link works once, for 30 minutes, and a newer link or any password change voids it. Blocked and deleted accounts get no mail. Limits: RATE_LIMIT_EMAIL_LINKS requests per client address per minute, MAIL_REQUESTS_PER_ADDRESS mails asked for one address per hour (known or not; verification links count too); past either, 429 with Retry-After. PASSWORD_RESETS_PER_ACCOUNT links per account per hour, whatever its address: past it the answer is still this 202 and no link is mailed. Without mail configured (SMTP_URL) every request answers 503 MAIL_UNAVAILABLE.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "email": "andi@rekam.local"
                     *     }
                     */
                    "application/json": {
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Accepted: the envelope { success: true, data, message? }; what was asked for happens later (a mail goes out after the answer, a mailed link is opened, a delay passes) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: null;
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.email must have required property 'email'",
                         *         "details": [
                         *           {
                         *             "field": "body.email",
                         *             "message": "must have required property 'email'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description MAIL_UNAVAILABLE: The flow must send mail and no SMTP server is configured (SMTP_URL). */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "MAIL_UNAVAILABLE",
                         *         "message": "Mail is not configured on this server, so this is unavailable; ask the clinic's administrator",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the token of a reset link (and a second factor when the account has one)
         * @description The password policy is that of registration (400 VALIDATION_ERROR). An account with a second factor also needs factor: without it 403 SECOND_FACTOR_REQUIRED, whose details list the methods (field body.factor, message totp, recovery_code or webauthn); a wrong one 403 MFA_CODE_INVALID, counted toward the account lockout like a failed second step (429 once locked). For a passkey, get the options from POST /api/auth/password-reset/webauthn-options first. None of these uses the token up. Success ends every session of the account, voids its other reset links, clears its sign-in lockout, records PASSWORD_RESET and mails a notice; it signs nothing in: sign in with the new password. An unknown, expired, used or voided token answers 400 EMAIL_TOKEN_INVALID; a blocked account 403 ACCOUNT_BLOCKED.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The #token=... part of the reset link */
                        token: string;
                        newPassword: string;
                        /** @description Needed when the account has a second factor (403 SECOND_FACTOR_REQUIRED lists its methods): an authenticator code, an unused recovery code, or a passkey assertion made with the options of POST /api/auth/password-reset/webauthn-options */
                        factor?: {
                            /** @enum {string} */
                            type: "totp";
                            /** @description The six digits the authenticator app shows */
                            code: string;
                        } | {
                            /** @enum {string} */
                            type: "recovery_code";
                            /** @description A TOTP code (6 digits) or a recovery code */
                            code: string;
                        } | {
                            /** @enum {string} */
                            type: "webauthn";
                            /** @description AuthenticationResponseJSON: what navigator.credentials.get answered, as JSON */
                            response: {
                                /** @description The credential id */
                                id: string;
                                rawId: string;
                                /** @enum {string} */
                                type: "public-key";
                                authenticatorAttachment?: string;
                                clientExtensionResults?: {
                                    [key: string]: unknown;
                                };
                                response: {
                                    clientDataJSON: string;
                                    authenticatorData: string;
                                    signature: string;
                                    userHandle?: string;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: null;
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. EMAIL_TOKEN_INVALID: The link sent by mail is unknown, expired, already used or superseded by a newer one. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.token must have required property 'token'",
                         *         "details": [
                         *           {
                         *             "field": "body.token",
                         *             "message": "must have required property 'token'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description SECOND_FACTOR_REQUIRED: The account has a second factor and the request carried none: details list the methods it accepts. MFA_CODE_INVALID: The second-factor code or passkey answer is wrong, expired or already used. ACCOUNT_BLOCKED: The account is blocked. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SECOND_FACTOR_REQUIRED",
                         *         "message": "This account has a second factor: confirm with one of its methods",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/webauthn-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The passkey options for a reset's second factor: the options for navigator.credentials.get
         * @description For a reset link whose account answered SECOND_FACTOR_REQUIRED with webauthn among the methods: a challenge for one of that account's passkeys (once, 5 minutes). Send the assertion as factor { type: "webauthn", response } to POST /api/auth/password-reset/confirm. The token is not used up. 400 EMAIL_TOKEN_INVALID for a token that is not live, 409 when the account has no passkey.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "token": "Zx8vQ2mK7pL4sN9wR1yB6cF3hJ0dG5eA8uT2iO7kV4q"
                     *     }
                     */
                    "application/json": {
                        /** @description The #token=... part of the reset link */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description PublicKeyCredentialRequestOptionsJSON: pass to navigator.credentials.get (PublicKeyCredential.parseRequestOptionsFromJSON) or @simplewebauthn/browser startAuthentication */
                            data: {
                                challenge: string;
                                timeout?: number;
                                rpId?: string;
                                allowCredentials?: {
                                    id: string;
                                    /** @enum {string} */
                                    type: "public-key";
                                    transports?: string[];
                                }[];
                                userVerification?: string;
                                hints?: string[];
                                extensions?: {
                                    [key: string]: unknown;
                                };
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. EMAIL_TOKEN_INVALID: The link sent by mail is unknown, expired, already used or superseded by a newer one. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.token must have required property 'token'",
                         *         "details": [
                         *           {
                         *             "field": "body.token",
                         *             "message": "must have required property 'token'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description ACCOUNT_BLOCKED: The account is blocked. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "ACCOUNT_BLOCKED",
                         *         "message": "This account is blocked",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the account's email address with the token of the mailed link
         * @description The token works once, for 24 hours, and only while the address is still the account's; a newer link voids the older ones. Signs nothing in. Records an EMAIL_VERIFIED security event.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "token": "qELXyLc-Jl6dcfg10I1vLmOoq9WhUog4JPDg5UKsyH0"
                     *     }
                     */
                    "application/json": {
                        /** @description The #token=... part of the link in the mail */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                /** @enum {boolean} */
                                emailVerified: true;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. EMAIL_TOKEN_INVALID: The link sent by mail is unknown, expired, already used or superseded by a newer one. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.token must have required property 'token'",
                         *         "details": [
                         *           {
                         *             "field": "body.token",
                         *             "message": "must have required property 'token'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email/verify/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a new verification link
         * @description Signed in (bearer): to the account's address. Signed out: body { email }. Always 202 with the same body, whether or not the address has an account or is verified already (a verified or blocked account gets no mail): the answer tells nobody who is registered. At most MAIL_REQUESTS_PER_ADDRESS per address per hour (counted for any address) and RATE_LIMIT_EMAIL_LINKS per client address per minute: 429 with Retry-After beyond. 503 MAIL_UNAVAILABLE when no SMTP server is configured.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Signed in (bearer): no body needed, the link goes to the account's address. Signed out: the address to send it to. */
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                    };
                };
            };
            responses: {
                /** @description Accepted: the same answer for every address */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: null;
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body must NOT have fewer than 1 properties",
                         *         "details": [
                         *           {
                         *             "field": "body",
                         *             "message": "must NOT have fewer than 1 properties"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description MAIL_UNAVAILABLE: The flow must send mail and no SMTP server is configured (SMTP_URL). */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "MAIL_UNAVAILABLE",
                         *         "message": "Mail is not configured on this server, so this is unavailable; ask the clinic's administrator",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start enrolling a TOTP authenticator app: its secret (shown only now) and otpauth URI
         * @description A signed-in user sends their bearer token; a user whose sign-in answered mfaEnrollmentRequired sends that ticket in the body instead (no bearer). The factor stays inactive until POST /api/auth/mfa/totp/confirm; starting again replaces an unconfirmed one.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A name to tell factors apart ("Phone", "YubiKey") */
                        name?: string;
                        /** @description The ticket a sign-in answered with (single use, 5 minutes) */
                        ticket?: string;
                    };
                };
            };
            responses: {
                /** @description Created: the envelope { success: true, data, message? } holds what was created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                /**
                                 * Format: uuid
                                 * @description A UUID
                                 */
                                factorId: string;
                                /** @description Base32; shown only now, for typing into an app that cannot scan the QR code */
                                secret: string;
                                /** @description The otpauth:// URI to show as a QR code */
                                otpauthUri: string;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body must NOT have fewer than 1 properties",
                         *         "details": [
                         *           {
                         *             "field": "body",
                         *             "message": "must NOT have fewer than 1 properties"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. MFA_TICKET_INVALID: The sign-in ticket is unknown, expired (5 minutes), already used or spent by too many wrong codes: sign in again. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a TOTP authenticator with its current code
         * @description A signed-in user sends their bearer token; a user whose sign-in answered mfaEnrollmentRequired sends that ticket in the body instead (no bearer). The account's first factor brings ten recovery codes, shown only in this answer. With a ticket, this also signs in (user and tokens, as a login answers; tokenDelivery as there). A wrong code answers 403 MFA_CODE_INVALID (and counts on the ticket).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "factorId": "0b6f9a52-3c1e-4d8a-9f27-5e4c3b2a1d0f",
                     *       "code": "123456"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID
                         */
                        factorId: string;
                        /** @description The six digits the authenticator app shows */
                        code: string;
                        /** @description The ticket a sign-in answered with (single use, 5 minutes) */
                        ticket?: string;
                        /** @description Where the refresh token goes. body (the default): in the answer's tokens. cookie (browsers): only in the HttpOnly cookie __Host-rekam-refresh (HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age = refreshExpiresIn), never in the body; refresh and logout then read it from the cookie, and such requests must pass the CSRF checks (see POST /api/auth/refresh). */
                        tokenDelivery?: "body" | "cookie";
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description With cookie delivery: __Host-rekam-refresh=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0. */
                        "set-cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description recoveryCodes with the account's first factor; user and tokens when an enrolment ticket signed in */
                            data: {
                                factor: {
                                    /**
                                     * Format: uuid
                                     * @description A UUID
                                     */
                                    id: string;
                                    type: "totp" | "webauthn";
                                    name: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                    lastUsedAt: string | null;
                                };
                                /** @description Ten single-use codes, shown only this once: keep them somewhere safe */
                                recoveryCodes?: string[];
                                user?: components["schemas"]["def-0"];
                                /**
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "refreshToken": "mQ3vT8xK2pL9sN4wR7yB1cF6hJ0dG5eA8uZ3iO2kV7q",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 */
                                tokens?: {
                                    accessToken: string;
                                    /** @description Only with tokenDelivery "body" (the default); with "cookie" it is in the __Host-rekam-refresh cookie instead, and absent here. */
                                    refreshToken?: string;
                                    /** @enum {string} */
                                    tokenType: "Bearer";
                                    /** @description Seconds until the access token expires */
                                    expiresIn: number;
                                    /** @description Seconds until the refresh token expires (the cookie's Max-Age with cookie delivery) */
                                    refreshExpiresIn: number;
                                };
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.factorId must have required property 'factorId'",
                         *         "details": [
                         *           {
                         *             "field": "body.factorId",
                         *             "message": "must have required property 'factorId'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. MFA_TICKET_INVALID: The sign-in ticket is unknown, expired (5 minutes), already used or spent by too many wrong codes: sign in again. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description MFA_CODE_INVALID: The second-factor code or passkey answer is wrong, expired or already used. EMAIL_NOT_VERIFIED: EMAIL_VERIFICATION=required and the address is not verified yet: open the mailed link or ask for a new one. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "MFA_CODE_INVALID",
                         *         "message": "The code is wrong, expired or already used",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/webauthn/registration/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start registering a passkey: the options for navigator.credentials.create
         * @description A signed-in user sends their bearer token; a user whose sign-in answered mfaEnrollmentRequired sends that ticket in the body instead (no bearer). The challenge works once, for 5 minutes. The user's passkeys are excluded (one per authenticator); resident key preferred (a passkey that can sign in alone); user verification required for the roles of MFA_REQUIRED_ROLES, preferred otherwise; attestation none.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The ticket a sign-in answered with (single use, 5 minutes) */
                        ticket?: string;
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description PublicKeyCredentialCreationOptionsJSON: pass to navigator.credentials.create (PublicKeyCredential.parseCreationOptionsFromJSON) or @simplewebauthn/browser startRegistration */
                            data: {
                                rp: {
                                    id?: string;
                                    name: string;
                                };
                                user: {
                                    id: string;
                                    name: string;
                                    displayName: string;
                                };
                                challenge: string;
                                pubKeyCredParams: {
                                    alg: number;
                                    /** @enum {string} */
                                    type: "public-key";
                                }[];
                                timeout?: number;
                                excludeCredentials?: {
                                    id: string;
                                    /** @enum {string} */
                                    type: "public-key";
                                    transports?: string[];
                                }[];
                                authenticatorSelection?: {
                                    authenticatorAttachment?: string;
                                    residentKey?: string;
                                    requireResidentKey?: boolean;
                                    userVerification?: string;
                                };
                                hints?: string[];
                                attestation?: string;
                                extensions?: {
                                    [key: string]: unknown;
                                };
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body must NOT have fewer than 1 properties",
                         *         "details": [
                         *           {
                         *             "field": "body",
                         *             "message": "must NOT have fewer than 1 properties"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. MFA_TICKET_INVALID: The sign-in ticket is unknown, expired (5 minutes), already used or spent by too many wrong codes: sign in again. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/webauthn/registration/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish registering a passkey with the authenticator's answer
         * @description A signed-in user sends their bearer token; a user whose sign-in answered mfaEnrollmentRequired sends that ticket in the body instead (no bearer). The passkey is active at once. The account's first factor brings ten recovery codes, shown only in this answer. With a ticket, this also signs in (user and tokens, as a login answers; amr ["pwd","hwk","user"]). A response that does not verify (another challenge, origin or RP ID, no user verification where required) answers 403 MFA_CODE_INVALID and counts on the ticket; a passkey already registered 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description RegistrationResponseJSON: what navigator.credentials.create answered, as JSON */
                        response: {
                            /** @description The credential id */
                            id: string;
                            rawId: string;
                            /** @enum {string} */
                            type: "public-key";
                            authenticatorAttachment?: string;
                            clientExtensionResults?: {
                                [key: string]: unknown;
                            };
                            response: {
                                clientDataJSON: string;
                                attestationObject: string;
                                transports?: string[];
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description A name to tell passkeys apart ("MacBook", "YubiKey"); "Passkey" when left out */
                        name?: string;
                        /** @description The ticket a sign-in answered with (single use, 5 minutes) */
                        ticket?: string;
                        /** @description Where the refresh token goes. body (the default): in the answer's tokens. cookie (browsers): only in the HttpOnly cookie __Host-rekam-refresh (HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age = refreshExpiresIn), never in the body; refresh and logout then read it from the cookie, and such requests must pass the CSRF checks (see POST /api/auth/refresh). */
                        tokenDelivery?: "body" | "cookie";
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description With cookie delivery: __Host-rekam-refresh=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0. */
                        "set-cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description recoveryCodes with the account's first factor; user and tokens when an enrolment ticket signed in */
                            data: {
                                factor: {
                                    /**
                                     * Format: uuid
                                     * @description A UUID
                                     */
                                    id: string;
                                    type: "totp" | "webauthn";
                                    name: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                    lastUsedAt: string | null;
                                };
                                /** @description Ten single-use codes, shown only this once: keep them somewhere safe */
                                recoveryCodes?: string[];
                                user?: components["schemas"]["def-0"];
                                /**
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "refreshToken": "mQ3vT8xK2pL9sN4wR7yB1cF6hJ0dG5eA8uZ3iO2kV7q",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 * @example {
                                 *       "accessToken": "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIwYjdlNmYxYSJ9.c2lnbmF0dXJl",
                                 *       "tokenType": "Bearer",
                                 *       "expiresIn": 900,
                                 *       "refreshExpiresIn": 604800
                                 *     }
                                 */
                                tokens?: {
                                    accessToken: string;
                                    /** @description Only with tokenDelivery "body" (the default); with "cookie" it is in the __Host-rekam-refresh cookie instead, and absent here. */
                                    refreshToken?: string;
                                    /** @enum {string} */
                                    tokenType: "Bearer";
                                    /** @description Seconds until the access token expires */
                                    expiresIn: number;
                                    /** @description Seconds until the refresh token expires (the cookie's Max-Age with cookie delivery) */
                                    refreshExpiresIn: number;
                                };
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.response must have required property 'response'",
                         *         "details": [
                         *           {
                         *             "field": "body.response",
                         *             "message": "must have required property 'response'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. MFA_TICKET_INVALID: The sign-in ticket is unknown, expired (5 minutes), already used or spent by too many wrong codes: sign in again. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description MFA_CODE_INVALID: The second-factor code or passkey answer is wrong, expired or already used. EMAIL_NOT_VERIFIED: EMAIL_VERIFICATION=required and the address is not verified yet: open the mailed link or ask for a new one. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "MFA_CODE_INVALID",
                         *         "message": "The code is wrong, expired or already used",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/webauthn/authentication/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for one of the user's passkeys: the options for navigator.credentials.get
         * @description For the second step of a sign-in, send the ticket of the mfaRequired answer (then POST /api/auth/mfa/verify with method webauthn); for a step-up, the bearer token (then POST /api/auth/reauthenticate with method webauthn). Only the user's passkeys are allowed; the challenge works once, for 5 minutes. 409 when the user has no passkey.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The ticket a sign-in answered with (single use, 5 minutes) */
                        ticket?: string;
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description PublicKeyCredentialRequestOptionsJSON: pass to navigator.credentials.get (PublicKeyCredential.parseRequestOptionsFromJSON) or @simplewebauthn/browser startAuthentication */
                            data: {
                                challenge: string;
                                timeout?: number;
                                rpId?: string;
                                allowCredentials?: {
                                    id: string;
                                    /** @enum {string} */
                                    type: "public-key";
                                    transports?: string[];
                                }[];
                                userVerification?: string;
                                hints?: string[];
                                extensions?: {
                                    [key: string]: unknown;
                                };
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body must NOT have fewer than 1 properties",
                         *         "details": [
                         *           {
                         *             "field": "body",
                         *             "message": "must NOT have fewer than 1 properties"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. MFA_TICKET_INVALID: The sign-in ticket is unknown, expired (5 minutes), already used or spent by too many wrong codes: sign in again. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply an email change with the token of the link mailed to the new address
         * @description No access token needed: the link may be opened on another device. The token works once, within 24 hours, and only if no newer change was requested or the change cancelled (400 EMAIL_TOKEN_INVALID otherwise). The address must still be free (409 CONFLICT). The new address counts as verified; links sent to the old one (verification, password reset) stop working; the user is notified (EMAIL_CHANGED), at both addresses. Signs nothing in. At most RATE_LIMIT_EMAIL_LINKS requests per client address per minute.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "token": "qELXyLc-Jl6dcfg10I1vLmOoq9WhUog4JPDg5UKsyH0"
                     *     }
                     */
                    "application/json": {
                        /** @description The #token=... part of the /confirm-email link */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                /** @description The account's address from now on */
                                email: string;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. EMAIL_TOKEN_INVALID: The link sent by mail is unknown, expired, already used or superseded by a newer one. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.token must have required property 'token'",
                         *         "details": [
                         *           {
                         *             "field": "body.token",
                         *             "message": "must have required property 'token'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, and the email change waiting for its link (pendingEmail) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                                /** @description A new address waiting for the link sent to it (null: none); the email in use stays user.email until then */
                                pendingEmail: string | null;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update the full name or language (locale), or start an email change (confirmed by a link mailed to the new address)
         * @description A full name or a language (locale: the language of the mail the user gets) changes at once (200). A new email needs currentPassword and a recent sign-in (step-up, 401 STEP_UP_REQUIRED), and changes nothing yet: the new address is mailed a single-use link (/confirm-email#token=..., 24 hours; a newer request voids it) and the current address a notice; the answer is 202 with the address as pendingEmail (beside the user), and POST /api/auth/email/confirm applies it. Without mail configured a new email answers 503 MAIL_UNAVAILABLE; an address another account has, 409 CONFLICT. A wrong currentPassword answers 403 CURRENT_PASSWORD_INCORRECT (not 401: the caller stays signed in) and counts as a failed sign-in of the account: past LOGIN_MAX_FAILURES the check answers 429 (and so does the sign-in) until the window ends.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Changing the email requires currentPassword. locale is the language of the user's mail (and the portal once signed in). */
            requestBody: {
                content: {
                    "application/json": {
                        fullName?: string | null;
                        /** Format: email */
                        email?: string;
                        currentPassword?: string;
                        /** @description id (Bahasa Indonesia) or en */
                        locale?: "id" | "en";
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                                /** @description A new address waiting for the link sent to it (null: none); the email in use stays user.email until then */
                                pendingEmail: string | null;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description Accepted: the envelope { success: true, data, message? }; what was asked for happens later (a mail goes out after the answer, a mailed link is opened, a delay passes) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                                /** @description A new address waiting for the link sent to it (null: none); the email in use stays user.email until then */
                                pendingEmail: string | null;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body must NOT have fewer than 1 properties",
                         *         "details": [
                         *           {
                         *             "field": "body",
                         *             "message": "must NOT have fewer than 1 properties"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description CURRENT_PASSWORD_INCORRECT: The current password given is wrong (the session stays signed in). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CURRENT_PASSWORD_INCORRECT",
                         *         "message": "The current password is incorrect",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description MAIL_UNAVAILABLE: The flow must send mail and no SMTP server is configured (SMTP_URL). */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "MAIL_UNAVAILABLE",
                         *         "message": "Mail is not configured on this server, so this is unavailable; ask the clinic's administrator",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel the pending email change (its link stops working) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                                /** @description A new address waiting for the link sent to it (null: none); the email in use stays user.email until then */
                                pendingEmail: string | null;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password; every other session is ended
         * @description A wrong currentPassword answers 403 CURRENT_PASSWORD_INCORRECT and counts as a failed sign-in of the account, as on PUT /api/auth/profile.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "currentPassword": "patient-demo-123",
                     *       "newPassword": "lantern-orbit-mango-42"
                     *     }
                     */
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: null;
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.currentPassword must have required property 'currentPassword'",
                         *         "details": [
                         *           {
                         *             "field": "body.currentPassword",
                         *             "message": "must have required property 'currentPassword'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description CURRENT_PASSWORD_INCORRECT: The current password given is wrong (the session stays signed in). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CURRENT_PASSWORD_INCORRECT",
                         *         "message": "The current password is incorrect",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End every session of the signed-in user
         * @description Needs a recent sign-in (step-up, 401 STEP_UP_REQUIRED otherwise). A request carrying the refresh cookie has it cleared: its session has ended too.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description With cookie delivery: __Host-rekam-refresh=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0. */
                        "set-cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: null;
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/account/deletion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scheduled deletion of my account, if any, and the cooling-off period */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                /** @description The scheduled erasure, or null when none is pending */
                                deletion: {
                                    /** Format: date-time */
                                    requestedAt: string;
                                    /** Format: date-time */
                                    scheduledFor: string;
                                } | null;
                                /** @description Days between a request and the erasure (ACCOUNT_DELETION_DELAY_DAYS) */
                                delayDays: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Delete my account after the cooling-off period (PATIENT only)
         * @description Needs a recent sign-in (step-up, 401 STEP_UP_REQUIRED otherwise). Schedules the erasure ACCOUNT_DELETION_DELAY_DAYS (14) days later and tells the user (notification and mail); until then the account works as before and DELETE cancels. Then the personal data are erased (username and email replaced, name, password, factors, passkeys, sessions and links deleted), every session ends, and the account can never sign in again; the medical records stay in records-service, as the law requires, reachable from no login (docs/account-deletion.md). Staff accounts are closed by an administrator: 403. Asking again while a deletion is pending answers the same schedule.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted: the envelope { success: true, data, message? }; what was asked for happens later (a mail goes out after the answer, a mailed link is opened, a delay passes) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                /** @description The scheduled erasure, or null when none is pending */
                                deletion: {
                                    /** Format: date-time */
                                    requestedAt: string;
                                    /** Format: date-time */
                                    scheduledFor: string;
                                } | null;
                                /** @description Days between a request and the erasure (ACCOUNT_DELETION_DELAY_DAYS) */
                                delayDays: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The caller may not do this. Codes: FORBIDDEN. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "You do not have permission to do this",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        /**
         * Cancel the scheduled deletion of my account
         * @description Tells the user (notification and mail). 404 when no deletion is scheduled.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                /** @description The scheduled erasure, or null when none is pending */
                                deletion: {
                                    /** Format: date-time */
                                    requestedAt: string;
                                    /** Format: date-time */
                                    scheduledFor: string;
                                } | null;
                                /** @description Days between a request and the erasure (ACCOUNT_DELETION_DELAY_DAYS) */
                                delayDays: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications, newest first, with how many are unread
         * @description Sign-ins from a new device, password and second-factor changes, email changes, a block, deletion requests. Details carry no secret: client address, device, factor name, masked addresses, a date.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                items: components["schemas"]["def-1"][];
                                page: number;
                                limit: number;
                                total: number;
                                /** @description How many of all the user's notifications are unread */
                                unread: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "querystring.limit must be <= 100",
                         *         "details": [
                         *           {
                         *             "field": "querystring.limit",
                         *             "message": "must be <= 100"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark notifications as read: the ones named, or all of them
         * @description Ids that are not the user's, or already read, are ignored. Answers how many stay unread.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The notifications to mark read; all of the user's when left out */
                        ids?: string[];
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                unread: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body must NOT have fewer than 1 properties",
                         *         "details": [
                         *           {
                         *             "field": "body",
                         *             "message": "must NOT have fewer than 1 properties"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session of the access token: when it ends if left unused, and at the latest
         * @description idleExpiresAt is the last use (sign-in or refresh) plus the idle limit of the user's role: SESSION_IDLE_TIMEOUT_STAFF for the roles of MFA_REQUIRED_ROLES, REFRESH_TOKEN_TTL for the others. absoluteExpiresAt is the sign-in plus SESSION_MAX_LIFETIME_STAFF (staff) or SESSION_MAX_LIFETIME. A refresh past either answers 401 REFRESH_TOKEN_INVALID; a session past either answers 401 TOKEN_REVOKED here.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                /**
                                 * Format: uuid
                                 * @description A UUID
                                 */
                                id: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                lastUsedAt: string;
                                /** Format: date-time */
                                idleExpiresAt: string;
                                /** Format: date-time */
                                absoluteExpiresAt: string;
                                idleTimeoutSeconds: number;
                                amr: string[];
                                acr: string;
                                /** Format: date-time */
                                authTime: string;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live sessions of the signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                items: {
                                    /**
                                     * Format: uuid
                                     * @description A UUID
                                     */
                                    id: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    lastUsedAt: string;
                                    /** Format: date-time */
                                    expiresAt: string;
                                    userAgent: string | null;
                                    ip: string | null;
                                    current: boolean;
                                }[];
                            };
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of the signed-in user's sessions
         * @description Ending another session needs a recent sign-in (step-up, 401 STEP_UP_REQUIRED otherwise); ending the session of the access token itself is a logout, and clears the refresh cookie when the request carries it.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A UUID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description With cookie delivery: __Host-rekam-refresh=<refresh token>; Max-Age=<refreshExpiresIn>; Path=/; HttpOnly; Secure; SameSite=Strict. Clearing it (logout, a dead session): the same attributes with an empty value and Max-Age=0. */
                        "set-cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: null;
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "params.id must match format \"uuid\"",
                         *         "details": [
                         *           {
                         *             "field": "params.id",
                         *             "message": "must match format \"uuid\""
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Security events, newest first; filter by type, user and time */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    limit?: number;
                    type?: "USER_REGISTERED" | "LOGIN_SUCCEEDED" | "LOGIN_FAILED" | "REFRESH_REUSE_DETECTED" | "SESSION_REVOKED" | "PASSWORD_CHANGED" | "ROLE_CHANGED" | "USER_BLOCKED" | "USER_UNBLOCKED" | "KEY_ROTATED" | "LOGIN_LOCKED" | "PASSWORD_CHECK_FAILED" | "EMAIL_CHANGED" | "USER_INVITED" | "USER_CREATED" | "PASSWORD_SET" | "LOCKOUT_CLEARED" | "CSRF_REJECTED" | "MFA_FACTOR_ADDED" | "MFA_FACTOR_REMOVED" | "MFA_FACTORS_RESET" | "MFA_SUCCEEDED" | "MFA_FAILED" | "RECOVERY_CODE_USED" | "RECOVERY_CODES_REGENERATED" | "STEP_UP" | "SESSION_EXPIRED" | "EMAIL_VERIFIED" | "PASSWORD_RESET_REQUESTED" | "PASSWORD_RESET" | "EMAIL_CHANGE_REQUESTED" | "ACCOUNT_DELETION_REQUESTED" | "ACCOUNT_DELETION_CANCELLED" | "ACCOUNT_DELETED";
                    /** @description A UUID */
                    userId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                items: components["schemas"]["def-2"][];
                                page: number;
                                limit: number;
                                total: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "querystring.limit must be <= 100",
                         *         "details": [
                         *           {
                         *             "field": "querystring.limit",
                         *             "message": "must be <= 100"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The caller may not do this. Codes: FORBIDDEN. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "You do not have permission to do this",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My sign-ins, successful and failed, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                items: components["schemas"]["def-2"][];
                                page: number;
                                limit: number;
                                total: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "querystring.limit must be <= 100",
                         *         "details": [
                         *           {
                         *             "field": "querystring.limit",
                         *             "message": "must be <= 100"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the security events (security_events): seals the pending rows, then checks every seal, its chain and MAC, and every sealed row; intact, or the first mismatch */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: components["schemas"]["def-3"];
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The caller may not do this. Codes: FORBIDDEN. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "You do not have permission to do this",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/factors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's second factors (never their secrets) and how many recovery codes are left */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                items: {
                                    /**
                                     * Format: uuid
                                     * @description A UUID
                                     */
                                    id: string;
                                    type: "totp" | "webauthn";
                                    name: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                    lastUsedAt: string | null;
                                }[];
                                recoveryCodesLeft: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/factors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove one of the signed-in user's factors
         * @description Needs a recent sign-in (step-up). The last factor of a user whose role requires one cannot be removed (409); removing a user's last factor voids their recovery codes.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A UUID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: null;
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "params.id must match format \"uuid\"",
                         *         "details": [
                         *           {
                         *             "field": "params.id",
                         *             "message": "must match format \"uuid\""
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a new set of ten recovery codes (the old set stops working)
         * @description Needs a recent sign-in (step-up). The codes are shown only in this answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                /** @description Ten single-use codes, shown only this once: keep them somewhere safe */
                                recoveryCodes: string[];
                            };
                            message?: string;
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/reauthenticate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Prove who you are again: a new access token on the same session with a fresh auth_time
         * @description Send the password, a second factor (method and code, or response for a passkey) or both. The new token's amr lists what was sent and its acr is urn:rekam:aal2 when a factor was used (aal1 for the password alone); the session keeps this, so refreshes carry it. The refresh token does not change. Wrong passwords (403 CURRENT_PASSWORD_INCORRECT) and codes (403 MFA_CODE_INVALID) count toward the account lockout. Answer with this when an API says 401 STEP_UP_REQUIRED.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: string;
                        method?: "totp" | "recovery_code" | "webauthn";
                        code?: string;
                        /** @description The WebAuthn assertion (method webauthn) */
                        response?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                accessToken: string;
                                /** @enum {string} */
                                tokenType: "Bearer";
                                /** @description Seconds until the access token expires */
                                expiresIn: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body must NOT have fewer than 1 properties",
                         *         "details": [
                         *           {
                         *             "field": "body",
                         *             "message": "must NOT have fewer than 1 properties"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description CURRENT_PASSWORD_INCORRECT: The current password given is wrong (the session stays signed in). MFA_CODE_INVALID: The second-factor code or passkey answer is wrong, expired or already used. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CURRENT_PASSWORD_INCORRECT",
                         *         "message": "The current password is incorrect",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is too large. Codes: PAYLOAD_TOO_LARGE. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PAYLOAD_TOO_LARGE",
                         *         "message": "Request body is too large",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users, with search and filters
         * @description Deleted accounts (erased at their owner's request, docs/account-deletion.md) are left out: they hold no personal data and nothing can be done with them.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    limit?: number;
                    /** @description Matches username, email or full name */
                    search?: string;
                    role?: "PATIENT" | "DOCTOR" | "ADMIN";
                    blocked?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                items: components["schemas"]["def-0"][];
                                page: number;
                                limit: number;
                                total: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "querystring.limit must be <= 100",
                         *         "details": [
                         *           {
                         *             "field": "querystring.limit",
                         *             "message": "must be <= 100"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The caller may not do this. Codes: FORBIDDEN. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "You do not have permission to do this",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Invite a DOCTOR or ADMIN: the account is created and its owner gets a one-time set-password link by mail
         * @description The account has no password until its owner opens the mailed link (valid 72 hours, once) and sets one; until then signing in answers 401 INVALID_CREDENTIALS like a wrong password. Nobody else gets the link, the admin included: the answer is the account alone. The mail (template invite, in the account's language: `locale`, or the admin's) is queued in the same transaction as the account. Without mail (no SMTP_URL) it answers 503 MAIL_UNAVAILABLE and creates nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "username": "dr.rina",
                     *       "email": "rina@clinic.example",
                     *       "fullName": "dr. Rina Wijaya",
                     *       "role": "DOCTOR"
                     *     }
                     */
                    "application/json": {
                        /** @description Letters, digits, dot, dash and underscore; case-insensitive */
                        username: string;
                        /** Format: email */
                        email: string;
                        fullName: string;
                        role: "DOCTOR" | "ADMIN";
                        /** @description The language of the invitation and of the account's later mail (id: Bahasa Indonesia, en: English); the inviting admin's own by default */
                        locale?: "id" | "en";
                    };
                };
            };
            responses: {
                /** @description Created: the envelope { success: true, data, message? } holds what was created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body.username must have required property 'username'",
                         *         "details": [
                         *           {
                         *             "field": "body.username",
                         *             "message": "must have required property 'username'"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The caller may not do this. Codes: FORBIDDEN. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "You do not have permission to do this",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The body is not JSON (send content-type: application/json). Codes: UNSUPPORTED_MEDIA_TYPE. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNSUPPORTED_MEDIA_TYPE",
                         *         "message": "The request body must be JSON: send it with content-type: application/json",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description MAIL_UNAVAILABLE: The flow must send mail and no SMTP server is configured (SMTP_URL). */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "MAIL_UNAVAILABLE",
                         *         "message": "Mail is not configured on this server, so this is unavailable; ask the clinic's administrator",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clear a user's sign-in lockout
         * @description The failed sign-in counts of the account (under its username and email) start again; counts per client address are not cleared.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A UUID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "params.id must match format \"uuid\"",
                         *         "details": [
                         *           {
                         *             "field": "params.id",
                         *             "message": "must match format \"uuid\""
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The caller may not do this. Codes: FORBIDDEN. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "You do not have permission to do this",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's role or block/unblock them (either ends their sessions)
         * @description Needs a recent sign-in with a second factor (step-up, 401 STEP_UP_REQUIRED otherwise). An admin cannot change their own account (403), and no change may leave the clinic without an active (unblocked) ADMIN (409).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A UUID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "role": "DOCTOR"
                     *     }
                     */
                    "application/json": {
                        role?: "PATIENT" | "DOCTOR" | "ADMIN";
                        blocked?: boolean;
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                user: components["schemas"]["def-0"];
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "body must NOT have fewer than 1 properties",
                         *         "details": [
                         *           {
                         *             "field": "body",
                         *             "message": "must NOT have fewer than 1 properties"
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The caller may not do this. Codes: FORBIDDEN. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "You do not have permission to do this",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/mfa-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove every second factor and recovery code of a user (a lost phone): they enrol again at their next sign-in
         * @description Needs a recent sign-in with a second factor (step-up). The admin never sees a secret. Records an MFA_FACTORS_RESET security event.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A UUID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                /** @description How many factors were removed */
                                removed: number;
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "params.id must match format \"uuid\"",
                         *         "details": [
                         *           {
                         *             "field": "params.id",
                         *             "message": "must match format \"uuid\""
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The caller may not do this. Codes: FORBIDDEN. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "You do not have permission to do this",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a user a link to reset their password
         * @description Needs a recent sign-in with a second factor (step-up). The link goes only to the user's address (the admin never sees it, ASVS 6.4.6): it works once, for 30 minutes, voids the user's older reset links, and asks for the user's second factor when they have one. The current password keeps working until the user sets a new one. Records PASSWORD_RESET_REQUESTED with the admin as actor. 409 for a blocked user (unblock first); 503 MAIL_UNAVAILABLE without mail configured.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A UUID */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Accepted: the envelope { success: true, data, message? }; what was asked for happens later (a mail goes out after the answer, a mailed link is opened, a delay passes) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: null;
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "VALIDATION_ERROR",
                         *         "message": "params.id must match format \"uuid\"",
                         *         "details": [
                         *           {
                         *             "field": "params.id",
                         *             "message": "must match format \"uuid\""
                         *           }
                         *         ],
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description No valid access token: none was sent, or it has expired, is invalid or its session has ended. Codes: UNAUTHORIZED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED. STEP_UP_REQUIRED: The operation needs a recent or stronger sign-in (RFC 9470): the WWW-Authenticate header names acr_values and max_age; reauthenticate and retry. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "UNAUTHORIZED",
                         *         "message": "A bearer access token is required",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The caller may not do this. Codes: FORBIDDEN. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "FORBIDDEN",
                         *         "message": "You do not have permission to do this",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Not found. Codes: NOT_FOUND. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "NOT_FOUND",
                         *         "message": "Not found",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Conflicts with data already stored. Codes: CONFLICT. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "CONFLICT",
                         *         "message": "A resource with the same unique values already exists",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Too many requests: wait the seconds Retry-After says. Codes: TOO_MANY_REQUESTS. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "TOO_MANY_REQUESTS",
                         *         "message": "Too many requests, try again later",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description MAIL_UNAVAILABLE: The flow must send mail and no SMTP server is configured (SMTP_URL). */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "MAIL_UNAVAILABLE",
                         *         "message": "Mail is not configured on this server, so this is unavailable; ask the clinic's administrator",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JSON Web Key Set of the access-token signing keys */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The public keys that verify access tokens: the current one and any previous ones still valid */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                kty: string;
                                kid: string;
                                alg: string;
                                use: string;
                                n?: string;
                                e?: string;
                                crv?: string;
                                x?: string;
                                y?: string;
                            }[];
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                status: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service and its database can serve requests */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                status: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                            };
                        };
                    };
                };
                /** @description Unavailable for now (the database is unreachable, or the service is saturated): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "SERVICE_UNAVAILABLE",
                         *         "message": "The database is unavailable, try again shortly",
                         *         "requestId": "req-3f9c2a7b1d"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            error: {
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "CLAIM_CODE_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "POSSIBLE_DUPLICATE" | "RECORD_FINAL" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
                                message: string;
                                details?: {
                                    field: string;
                                    message: string;
                                }[];
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** User */
        "def-0": {
            /**
             * Format: uuid
             * @description A UUID
             */
            id: string;
            username: string;
            email: string;
            fullName: string | null;
            role: "PATIENT" | "DOCTOR" | "ADMIN";
            blocked: boolean;
            emailVerified: boolean;
            /** @description id (Bahasa Indonesia) or en */
            locale: "id" | "en";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** Notification */
        "def-1": {
            /**
             * Format: uuid
             * @description A UUID
             */
            id: string;
            type: "NEW_DEVICE_SIGN_IN" | "PASSWORD_CHANGED" | "PASSWORD_RESET" | "MFA_FACTOR_ADDED" | "MFA_FACTOR_REMOVED" | "EMAIL_CHANGED" | "ACCOUNT_BLOCKED" | "DELETION_REQUESTED" | "DELETION_CANCELLED";
            details: {
                ip?: string;
                device?: string;
                factor?: string;
                oldEmail?: string;
                newEmail?: string;
                /** Format: date-time */
                effectiveAt?: string;
            };
            /** Format: date-time */
            createdAt: string;
            readAt: string | null;
        };
        /** SecurityEvent */
        "def-2": {
            /**
             * Format: uuid
             * @description A UUID
             */
            id: string;
            type: "USER_REGISTERED" | "LOGIN_SUCCEEDED" | "LOGIN_FAILED" | "REFRESH_REUSE_DETECTED" | "SESSION_REVOKED" | "PASSWORD_CHANGED" | "ROLE_CHANGED" | "USER_BLOCKED" | "USER_UNBLOCKED" | "KEY_ROTATED" | "LOGIN_LOCKED" | "PASSWORD_CHECK_FAILED" | "EMAIL_CHANGED" | "USER_INVITED" | "USER_CREATED" | "PASSWORD_SET" | "LOCKOUT_CLEARED" | "CSRF_REJECTED" | "MFA_FACTOR_ADDED" | "MFA_FACTOR_REMOVED" | "MFA_FACTORS_RESET" | "MFA_SUCCEEDED" | "MFA_FAILED" | "RECOVERY_CODE_USED" | "RECOVERY_CODES_REGENERATED" | "STEP_UP" | "SESSION_EXPIRED" | "EMAIL_VERIFIED" | "PASSWORD_RESET_REQUESTED" | "PASSWORD_RESET" | "EMAIL_CHANGE_REQUESTED" | "ACCOUNT_DELETION_REQUESTED" | "ACCOUNT_DELETION_CANCELLED" | "ACCOUNT_DELETED";
            userId: string | null;
            actorUserId: string | null;
            sessionId: string | null;
            reason: string | null;
            ip: string | null;
            userAgent: string | null;
            requestId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        /** AuditVerification */
        "def-3": {
            intact: boolean;
            /** Format: date-time */
            checkedAt: string;
            trails: {
                /** @description The audited table: record_access_log, patient_access_log, security_events */
                trail: string;
                rows: number;
                sealedRows: number;
                pendingRows: number;
                seals: number;
                head: {
                    seq: number;
                    sealHash: string;
                } | null;
                firstMismatch: {
                    rowId: string | null;
                    sealId: string | null;
                    problem: "ALTERED" | "MISSING" | "SEAL_ALTERED" | "MAC_INVALID" | "CHAIN_BROKEN";
                    detail: string;
                } | null;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
