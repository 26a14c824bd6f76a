/* eslint-disable */
// Generated from openapi/records.json by `pnpm --filter @rekam/client generate`; do not edit.

export interface paths {
    "/api/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List records: a patient gets their own; staff filter by patient, doctor and visit dates */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    limit?: number;
                    /** @description A UUID */
                    patientId?: string;
                    /** @description A UUID */
                    doctorId?: string;
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
        /** Write a record (a doctor as themselves; an admin names the doctor) */
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
                     *       "patientId": "6f1c2e4a-8b3d-4f5e-9a7b-2c1d0e9f8a7b",
                     *       "visitDate": "2025-11-03",
                     *       "complaint": "Cough and mild fever for three days",
                     *       "diagnosis": "Acute upper respiratory infection",
                     *       "treatment": "Rest, plenty of fluids",
                     *       "prescription": "Paracetamol 500 mg three times a day for three days",
                     *       "notes": null
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID
                         */
                        patientId: string;
                        /**
                         * Format: uuid
                         * @description A UUID
                         */
                        doctorId?: string;
                        /** Format: date */
                        visitDate: string;
                        complaint: string;
                        diagnosis: string;
                        treatment: string;
                        prescription?: string | null;
                        notes?: string | null;
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
                                record: components["schemas"]["def-0"];
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
                         *         "message": "body.patientId must have required property 'patientId'",
                         *         "details": [
                         *           {
                         *             "field": "body.patientId",
                         *             "message": "must have required property 'patientId'"
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
    "/api/records/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the signed-in user may do here, from their token alone (no database work) */
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
                                /** Format: uuid */
                                userId: string;
                                role: string;
                                permissions: string[];
                                /** Format: date-time */
                                expiresAt: string;
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
    "/api/records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One record (404 when it does not exist, 403 when it is not yours) */
        get: {
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
                                record: components["schemas"]["def-0"];
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
        /** Delete a record (its author or an admin, after a second-factor sign-in within STEP_UP_MAX_AGE seconds); it is kept, hidden, for the audit trail */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
        /** Change a record (its author or an admin) */
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
                     *       "diagnosis": "Acute bronchitis",
                     *       "notes": "Review in one week"
                     *     }
                     */
                    "application/json": {
                        /** Format: date */
                        visitDate?: string;
                        complaint?: string;
                        diagnosis?: string;
                        treatment?: string;
                        prescription?: string | null;
                        notes?: string | null;
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
                                record: components["schemas"]["def-0"];
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
    "/api/records/{id}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read or changed the record, and when (the record's patient, or an admin) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    limit?: number;
                };
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
                                items: {
                                    /**
                                     * Format: uuid
                                     * @description A UUID
                                     */
                                    id: string;
                                    /**
                                     * Format: uuid
                                     * @description A UUID
                                     */
                                    recordId: string;
                                    /**
                                     * Format: uuid
                                     * @description A UUID
                                     */
                                    actorUserId: string;
                                    actorRole: "PATIENT" | "DOCTOR" | "ADMIN";
                                    action: "READ" | "CREATE" | "UPDATE" | "DELETE";
                                    requestId: string | null;
                                    /** Format: date-time */
                                    at: string;
                                }[];
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
    "/api/patients/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My patient profile */
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
                                patient: components["schemas"]["def-1"];
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
        /** Create or replace my patient profile */
        put: {
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
                     *       "fullName": "Andi Wijaya",
                     *       "dateOfBirth": "1990-04-17",
                     *       "gender": "MALE",
                     *       "phone": "+62 812 3456 7890",
                     *       "address": "Jl. Merdeka No. 10, Bandung"
                     *     }
                     */
                    "application/json": {
                        fullName: string;
                        /** Format: date */
                        dateOfBirth: string;
                        gender?: ("MALE" | "FEMALE" | "OTHER") | null;
                        phone?: string | null;
                        address?: string | null;
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
                                patient: components["schemas"]["def-1"];
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
                         *         "message": "body.fullName must have required property 'fullName'",
                         *         "details": [
                         *           {
                         *             "field": "body.fullName",
                         *             "message": "must have required property 'fullName'"
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
    "/api/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List patients (staff; each profile listed is audited) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    limit?: number;
                    /** @description Part of the full name */
                    search?: string;
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
    "/api/patients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One patient (staff; the read is audited) */
        get: {
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
                                patient: components["schemas"]["def-1"];
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
    "/api/doctors/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My doctor profile */
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
                                doctor: components["schemas"]["def-2"];
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
        /** Create or replace my doctor profile */
        put: {
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
                     *       "fullName": "dr. Sari Lestari",
                     *       "specialization": "General Practice",
                     *       "licenseNumber": "STR-3271-0042"
                     *     }
                     */
                    "application/json": {
                        fullName: string;
                        specialization: string;
                        licenseNumber?: string | null;
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
                                doctor: components["schemas"]["def-2"];
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
                         *         "message": "body.fullName must have required property 'fullName'",
                         *         "details": [
                         *           {
                         *             "field": "body.fullName",
                         *             "message": "must have required property 'fullName'"
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
    "/api/doctors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List doctors (a patient sees each one's name and specialization only) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    limit?: number;
                    /** @description Part of the full name */
                    search?: string;
                    specialization?: string;
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
                                items: (components["schemas"]["def-2"] | {
                                    /**
                                     * Format: uuid
                                     * @description A UUID
                                     */
                                    id: string;
                                    fullName: string;
                                    specialization: string;
                                })[];
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
                /** @description Unavailable for now (the database is unreachable, or this instance is shutting down): retry after the seconds Retry-After says. Codes: SERVICE_UNAVAILABLE. */
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
                                code: "VALIDATION_ERROR" | "BAD_REQUEST" | "SET_PASSWORD_TOKEN_INVALID" | "EMAIL_TOKEN_INVALID" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "TOKEN_INVALID" | "TOKEN_REVOKED" | "INVALID_CREDENTIALS" | "REFRESH_TOKEN_INVALID" | "MFA_TICKET_INVALID" | "STEP_UP_REQUIRED" | "FORBIDDEN" | "ACCOUNT_BLOCKED" | "CURRENT_PASSWORD_INCORRECT" | "CSRF_REJECTED" | "MFA_CODE_INVALID" | "EMAIL_NOT_VERIFIED" | "SECOND_FACTOR_REQUIRED" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "MAIL_UNAVAILABLE" | "GATEWAY_TIMEOUT";
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
        /** MedicalRecord */
        "def-0": {
            /**
             * Format: uuid
             * @description A UUID
             */
            id: string;
            /**
             * Format: uuid
             * @description A UUID
             */
            patientId: string;
            /**
             * Format: uuid
             * @description A UUID
             */
            doctorId: string;
            /** Format: date */
            visitDate: string;
            complaint: string;
            diagnosis: string;
            treatment: string;
            prescription: string | null;
            notes: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            doctor: {
                /**
                 * Format: uuid
                 * @description A UUID
                 */
                id: string;
                fullName: string;
                specialization: string;
            };
            patient?: {
                /**
                 * Format: uuid
                 * @description A UUID
                 */
                id: string;
                fullName: string;
                /** Format: date */
                dateOfBirth: string;
            };
        };
        /** Patient */
        "def-1": {
            /**
             * Format: uuid
             * @description A UUID
             */
            id: string;
            userId: string | null;
            fullName: string;
            /** Format: date */
            dateOfBirth: string;
            gender: ("MALE" | "FEMALE" | "OTHER") | null;
            phone: string | null;
            address: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** Doctor */
        "def-2": {
            /**
             * Format: uuid
             * @description A UUID
             */
            id: string;
            /**
             * Format: uuid
             * @description A UUID
             */
            userId: string;
            fullName: string;
            specialization: string;
            licenseNumber: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
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
