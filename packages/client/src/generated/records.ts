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
        /** List records: a patient gets their own; a doctor those of the patients in their care; an admin all. Staff filter by patient, doctor and visit dates */
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
        /** Write a record (a doctor as themselves, for a patient in their care; an admin names the doctor). The author joins the patient's care team (AUTHORED) */
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
                        /** @description The record's version, quoted ("3"): send it back as If-Match to change the record only if nobody changed it since */
                        etag?: string;
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
    "/api/records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One record: its patient, an admin, or a doctor with the patient in their care (TREATMENT) or under emergency access (EMERGENCY); 403 otherwise. A deleted record is answered to its patient and admins (with deletedAt), 404 to doctors */
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
                        /** @description The record's version, quoted ("3"): send it back as If-Match to change the record only if nobody changed it since */
                        etag?: string;
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
        /** Enter a record in error (its author or an admin, after a second-factor sign-in within STEP_UP_MAX_AGE seconds), with a reason: its next version has status entered-in-error (kind ENTERED_IN_ERROR). It is hidden from lists and from doctors, never erased: its patient and admins still read it, its history and its trail. A signed record too. If-Match as for PATCH */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version the change is based on, as its ETag ("3"), or * for any: anything else answers 412 PRECONDITION_FAILED with the current version, and nothing is written. Weak tags (W/"3") never match (strong comparison, RFC 9110 section 13.1.1) */
                    "if-match"?: string;
                };
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
                     *       "reason": "Written in the wrong patient's chart"
                     *     }
                     */
                    "application/json": {
                        /** @description Why the record is entered in error (3 to 500 characters) */
                        reason: string;
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
                         *         "message": "body.reason must have required property 'reason'",
                         *         "details": [
                         *           {
                         *             "field": "body.reason",
                         *             "message": "must have required property 'reason'"
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
                /** @description PRECONDITION_FAILED: If-Match does not name the record's current version ("<version>" from its ETag, or *): read it again, then retry; details give the current version. */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PRECONDITION_FAILED",
                         *         "message": "The record changed since you read it: current version is 3",
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
        /** Change a draft record (its author or an admin): writes its next version (kind UPDATED, with the optional reason). With If-Match ("<version>" from the ETag, or *) only if the record is still at that version, else 412 PRECONDITION_FAILED naming the current one. A signed (final) record answers 409 RECORD_FINAL: it changes by amendment */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version the change is based on, as its ETag ("3"), or * for any: anything else answers 412 PRECONDITION_FAILED with the current version, and nothing is written. Weak tags (W/"3") never match (strong comparison, RFC 9110 section 13.1.1) */
                    "if-match"?: string;
                };
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
                     *       "notes": "Review in one week",
                     *       "reason": "Chest X-ray result"
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
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description The record's version, quoted ("3"): send it back as If-Match to change the record only if nobody changed it since */
                        etag?: string;
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
                /** @description RECORD_FINAL: The record is signed (final): it changes only by amendment, POST /api/records/:id/amendments with the changes and a reason. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "RECORD_FINAL",
                         *         "message": "This record is signed, so it changes only by amendment: use POST /api/records/:id/amendments with the changes and a reason",
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
                /** @description PRECONDITION_FAILED: If-Match does not name the record's current version ("<version>" from its ETag, or *): read it again, then retry; details give the current version. */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PRECONDITION_FAILED",
                         *         "message": "The record changed since you read it: current version is 3",
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
    "/api/records/{id}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read or changed the record (or was refused), when and for what purpose (the record's patient, or an admin; a patient sees a refused entry without the actor's id) */
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
                                    actorUserId: string | null;
                                    actorRole: "PATIENT" | "DOCTOR" | "ADMIN";
                                    actorName: string | null;
                                    action: "READ" | "CREATE" | "UPDATE" | "DELETE" | "SIGN" | "AMEND";
                                    purpose: "TREATMENT" | "EMERGENCY" | "PATIENT" | "ADMIN" | "INTAKE";
                                    outcome: "ALLOWED" | "DENIED";
                                    reason: string | null;
                                    count: number;
                                    lastAt: string | null;
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
    "/api/records/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the record, oldest first (the full content after each change, who, when, why, its signature), and the patient's amendment requests. Read as the record itself is (its patient, an admin, a doctor with the patient in care or under emergency access; a record entered in error by its patient and admins, 404 to doctors) and logged as a READ of the record with its purpose */
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
                                versions: components["schemas"]["def-1"][];
                                amendmentRequests: components["schemas"]["def-2"][];
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
    "/api/records/{id}/history/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the record (404 when it has no such version). Read as the record itself is (its patient, an admin, a doctor with the patient in care or under emergency access; a record entered in error by its patient and admins, 404 to doctors) and logged as a READ of the record with its purpose */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A UUID */
                    id: string;
                    version: number;
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
                                version: components["schemas"]["def-1"];
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
    "/api/records/{id}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign a draft (its author, after a second-factor sign-in within STEP_UP_MAX_AGE seconds): it becomes final, version n+1, with a detached JWS verifiable with GET /api/records/.well-known/jwks.json. Honours If-Match */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version the change is based on, as its ETag ("3"), or * for any: anything else answers 412 PRECONDITION_FAILED with the current version, and nothing is written. Weak tags (W/"3") never match (strong comparison, RFC 9110 section 13.1.1) */
                    "if-match"?: string;
                };
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
                        /** @description The record's version, quoted ("3"): send it back as If-Match to change the record only if nobody changed it since */
                        etag?: string;
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
                /** @description RECORD_FINAL: The record is signed (final): it changes only by amendment, POST /api/records/:id/amendments with the changes and a reason. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "RECORD_FINAL",
                         *         "message": "This record is signed, so it changes only by amendment: use POST /api/records/:id/amendments with the changes and a reason",
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
                /** @description PRECONDITION_FAILED: If-Match does not name the record's current version ("<version>" from its ETag, or *): read it again, then retry; details give the current version. */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PRECONDITION_FAILED",
                         *         "message": "The record changed since you read it: current version is 3",
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
    "/api/records/{id}/amendments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Amend a signed record (its author or an admin, after a second-factor sign-in): version n+1 with the changes, signed by the amender and linked to version n, which stays readable in the history. A draft answers 400 (change it with PATCH). Honours If-Match */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version the change is based on, as its ETag ("3"), or * for any: anything else answers 412 PRECONDITION_FAILED with the current version, and nothing is written. Weak tags (W/"3") never match (strong comparison, RFC 9110 section 13.1.1) */
                    "if-match"?: string;
                };
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
                     *       "changes": {
                     *         "diagnosis": "Acute bronchitis"
                     *       },
                     *       "reason": "Chest X-ray result received after signing"
                     *     }
                     */
                    "application/json": {
                        changes: {
                            /** Format: date */
                            visitDate?: string;
                            complaint?: string;
                            diagnosis?: string;
                            treatment?: string;
                            prescription?: string | null;
                            notes?: string | null;
                        };
                        /** @description Why the signed record is amended */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Created: the envelope { success: true, data, message? } holds what was created */
                201: {
                    headers: {
                        /** @description The record's version, quoted ("3"): send it back as If-Match to change the record only if nobody changed it since */
                        etag?: string;
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
                         *         "message": "body.changes must have required property 'changes'",
                         *         "details": [
                         *           {
                         *             "field": "body.changes",
                         *             "message": "must have required property 'changes'"
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
                /** @description PRECONDITION_FAILED: If-Match does not name the record's current version ("<version>" from its ETag, or *): read it again, then retry; details give the current version. */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PRECONDITION_FAILED",
                         *         "message": "The record changed since you read it: current version is 3",
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
    "/api/records/amendment-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The amendment requests to decide: a doctor's on the records they wrote, an admin's on all; by status (pending ones oldest first) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    limit?: number;
                    status?: "PENDING" | "ACCEPTED" | "DECLINED";
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
    "/api/records/{id}/amendment-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A record's amendment requests, oldest first (its patient, its author or an admin); the read is logged */
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
                                requests: components["schemas"]["def-2"][];
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
        /** Ask for an amendment of one of your records (the record's patient); its author or an admin accepts or declines it */
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
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "text": "My allergy to penicillin is missing from the notes"
                     *     }
                     */
                    "application/json": {
                        /** @description What the patient asks to be corrected, and why */
                        text: string;
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
                                request: components["schemas"]["def-2"];
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
                         *         "message": "body.text must have required property 'text'",
                         *         "details": [
                         *           {
                         *             "field": "body.text",
                         *             "message": "must have required property 'text'"
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
    "/api/records/{id}/amendment-requests/{requestId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a pending request with a reason (the record's author or an admin); a decided one answers 409 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A UUID */
                    id: string;
                    /** @description A UUID */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "reason": "The diagnosis is confirmed by the laboratory result of the same day"
                     *     }
                     */
                    "application/json": {
                        /** @description Why the request is declined (the patient reads it) */
                        reason: string;
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
                                request: components["schemas"]["def-2"];
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
                         *         "message": "body.reason must have required property 'reason'",
                         *         "details": [
                         *           {
                         *             "field": "body.reason",
                         *             "message": "must have required property 'reason'"
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
    "/api/records/{id}/amendment-requests/{requestId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a pending request (the record's author or an admin, after a second-factor sign-in): a signed record is amended, a draft updated, with the request's text as reason unless one is given; the version names the request. A decided one answers 409. Honours If-Match */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The version the change is based on, as its ETag ("3"), or * for any: anything else answers 412 PRECONDITION_FAILED with the current version, and nothing is written. Weak tags (W/"3") never match (strong comparison, RFC 9110 section 13.1.1) */
                    "if-match"?: string;
                };
                path: {
                    /** @description A UUID */
                    id: string;
                    /** @description A UUID */
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "changes": {
                     *         "notes": "Allergic to penicillin"
                     *       }
                     *     }
                     */
                    "application/json": {
                        changes: {
                            /** Format: date */
                            visitDate?: string;
                            complaint?: string;
                            diagnosis?: string;
                            treatment?: string;
                            prescription?: string | null;
                            notes?: string | null;
                        };
                        /** @description Why the record changes (the request's text when absent) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Done: the envelope { success: true, data, message? } */
                200: {
                    headers: {
                        /** @description The record's version, quoted ("3"): send it back as If-Match to change the record only if nobody changed it since */
                        etag?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            data: {
                                request: components["schemas"]["def-2"];
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
                         *         "message": "body.changes must have required property 'changes'",
                         *         "details": [
                         *           {
                         *             "field": "body.changes",
                         *             "message": "must have required property 'changes'"
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
                /** @description PRECONDITION_FAILED: If-Match does not name the record's current version ("<version>" from its ETag, or *): read it again, then retry; details give the current version. */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "success": false,
                         *       "error": {
                         *         "code": "PRECONDITION_FAILED",
                         *         "message": "The record changed since you read it: current version is 3",
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
                                patient: components["schemas"]["def-3"];
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
                                patient: components["schemas"]["def-3"];
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
        /** List patients (an admin: all; a doctor: the patients in their care; each profile listed is audited) */
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
                                items: components["schemas"]["def-3"][];
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
        /**
         * Register a patient at the front desk (staff; audited)
         * @description A patient without an account, with an MRN assigned by the service. NIK and BPJS numbers are stored encrypted. The same NIK or BPJS number twice is 409 CONFLICT (naming the MRN); a similar name (lower case, white space ignored, one a prefix of the other) with the same date of birth is 409 POSSIBLE_DUPLICATE unless confirmDuplicates is true. A doctor who registers a patient is in their care (REGISTERED).
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
                     *       "fullName": "Wayan Sudarma",
                     *       "dateOfBirth": "1958-11-03",
                     *       "gender": "MALE",
                     *       "phone": "+62 813 5555 0101",
                     *       "nik": "3273010311580003",
                     *       "bpjsNumber": "0001234567890"
                     *     }
                     */
                    "application/json": {
                        fullName: string;
                        /** Format: date */
                        dateOfBirth: string;
                        gender?: ("MALE" | "FEMALE" | "OTHER") | null;
                        phone?: string | null;
                        address?: string | null;
                        email?: string | null;
                        /** @description NIK: 16 digits */
                        nik: string;
                        bpjsNumber?: string | null;
                        confirmDuplicates?: boolean;
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
                                patient: components["schemas"]["def-3"];
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
                /** @description CONFLICT: Conflicts with data already stored. POSSIBLE_DUPLICATE: A patient with a similar name and the same date of birth exists: check them with POST /api/patients/intake-search, then send confirmDuplicates: true to register anyway. */
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
    "/api/patients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One patient (an admin, or a doctor with the patient in their care or under emergency access; the read is audited with its purpose) */
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
                                patient: components["schemas"]["def-3"];
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
    "/api/patients/intake-search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find a returning patient at the front desk (staff; each patient found is audited)
         * @description Exactly one of: an MRN, a NIK, a BPJS number (exact matches), or a full name with a date of birth (the duplicate check: similar names born that day). Minimal demographics only, at most 20; no care relationship needed. A POST so that a NIK never sits in a URL or a log line.
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
                        mrn: string;
                    } | {
                        /** @description NIK: 16 digits */
                        nik: string;
                    } | {
                        /** @description BPJS Kesehatan card number: 13 digits */
                        bpjsNumber: string;
                    } | {
                        fullName: string;
                        /** Format: date */
                        dateOfBirth: string;
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
                                items: components["schemas"]["def-4"][];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/claim-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a one-time code with which the patient claims this profile (admin, or a doctor caring for the patient)
         * @description 12 characters of Crockford base32 shown as XXXX-XXXX-XXXX, valid 48 hours (CLAIM_CODE_HOURS), single use; only its hash is stored, and issuing a new one voids the unused ones. 409 CONFLICT when the profile is claimed already.
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
                                code: string;
                                /** Format: date-time */
                                expiresAt: string;
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
    "/api/patients/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a profile registered at the front desk with its code (patient)
         * @description Links the profile to the signed-in account. The code is case-insensitive; dashes and spaces are ignored. 400 CLAIM_CODE_INVALID for an unknown, used, replaced or expired code; 409 CONFLICT when the caller has a profile; 10 attempts per 15 minutes per user.
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
                     *       "code": "7K3M-Q9TX-2BHD"
                     *     }
                     */
                    "application/json": {
                        code: string;
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
                                patient: components["schemas"]["def-3"];
                            };
                            message?: string;
                        };
                    };
                };
                /** @description The request is invalid: the body, query or path fails its schema (details name the fields), or the body cannot be read. Codes: VALIDATION_ERROR, BAD_REQUEST. CLAIM_CODE_INVALID: The claim code is unknown, expired (48 hours), already used or replaced by a newer one: ask the clinic for a new one. */
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
                         *         "message": "body.code must have required property 'code'",
                         *         "details": [
                         *           {
                         *             "field": "body.code",
                         *             "message": "must have required property 'code'"
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
    "/api/patients/me/care-team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My care team: active relationships first, then ended ones, newest first */
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
                                items: components["schemas"]["def-5"][];
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
        put?: never;
        /** Grant a doctor access to my profile and records (GRANTED, until I revoke it) */
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
                     *       "doctorId": "0b7e4d3c-2a1f-4e6d-9c8b-7a6f5e4d3c2b"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID
                         */
                        doctorId: string;
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
                                relationship: components["schemas"]["def-5"];
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
                         *         "message": "body.doctorId must have required property 'doctorId'",
                         *         "details": [
                         *           {
                         *             "field": "body.doctorId",
                         *             "message": "must have required property 'doctorId'"
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
    "/api/patients/me/care-team/{doctorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a doctor from my care team: ends every open relationship of that doctor with me, whatever its source */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A UUID */
                    doctorId: string;
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
                                ended: number;
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
                         *         "message": "params.doctorId must match format \"uuid\"",
                         *         "details": [
                         *           {
                         *             "field": "params.doctorId",
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
    "/api/patients/me/emergency-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Emergency (break-the-glass) accesses to my data: who, why, when, and the admin's review */
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
                                items: components["schemas"]["def-6"][];
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/care-team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A patient's care team (an admin, or a doctor in the patient's care) */
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
                                items: components["schemas"]["def-5"][];
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
        /** Assign a doctor to a patient (ADMIN; ASSIGNED, until ended) */
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
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "doctorId": "0b7e4d3c-2a1f-4e6d-9c8b-7a6f5e4d3c2b",
                     *       "note": "Cardiology follow-up"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID
                         */
                        doctorId: string;
                        note?: string;
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
                                relationship: components["schemas"]["def-5"];
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
                         *         "message": "body.doctorId must have required property 'doctorId'",
                         *         "details": [
                         *           {
                         *             "field": "body.doctorId",
                         *             "message": "must have required property 'doctorId'"
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
    "/api/patients/{id}/care-team/{relationshipId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one care relationship of a patient (ADMIN) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A UUID */
                    id: string;
                    /** @description A UUID */
                    relationshipId: string;
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
                                relationship: components["schemas"]["def-5"];
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
    "/api/patients/{id}/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refer a patient in my care to another doctor (REFERRED, for REFERRAL_DAYS days) */
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
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "doctorId": "0b7e4d3c-2a1f-4e6d-9c8b-7a6f5e4d3c2b",
                     *       "note": "Cardiology follow-up"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUID
                         */
                        doctorId: string;
                        note?: string;
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
                                relationship: components["schemas"]["def-5"];
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
                         *         "message": "body.doctorId must have required property 'doctorId'",
                         *         "details": [
                         *           {
                         *             "field": "body.doctorId",
                         *             "message": "must have required property 'doctorId'"
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
    "/api/patients/{id}/emergency-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Break the glass: read access to a patient outside my care for EMERGENCY_ACCESS_MINUTES, after a second-factor sign-in within STEP_UP_MAX_AGE seconds; every read is marked EMERGENCY and the grant is reviewed by an admin */
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
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "reason": "Unconscious patient in the emergency room; checking allergies and current medication"
                     *     }
                     */
                    "application/json": {
                        /** @description Why the patient's data is needed now (20 to 1000 characters); shown to the patient and to the reviewing admin */
                        reason: string;
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
                                grant: components["schemas"]["def-6"];
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
                         *         "message": "body.reason must have required property 'reason'",
                         *         "details": [
                         *           {
                         *             "field": "body.reason",
                         *             "message": "must have required property 'reason'"
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
    "/api/patients/me/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who saw or changed my profile (or was refused), when and for what purpose, oldest first */
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
                                    patientId: string;
                                    actorUserId: string | null;
                                    actorRole: "PATIENT" | "DOCTOR" | "ADMIN";
                                    actorName: string | null;
                                    action: "READ" | "CREATE" | "UPDATE" | "DELETE" | "SIGN" | "AMEND";
                                    purpose: "TREATMENT" | "EMERGENCY" | "PATIENT" | "ADMIN" | "INTAKE";
                                    outcome: "ALLOWED" | "DENIED";
                                    reason: string | null;
                                    count: number;
                                    lastAt: string | null;
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
    "/api/patients/{id}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A patient profile's trail (ADMIN), oldest first */
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
                                    patientId: string;
                                    actorUserId: string | null;
                                    actorRole: "PATIENT" | "DOCTOR" | "ADMIN";
                                    actorName: string | null;
                                    action: "READ" | "CREATE" | "UPDATE" | "DELETE" | "SIGN" | "AMEND";
                                    purpose: "TREATMENT" | "EMERGENCY" | "PATIENT" | "ADMIN" | "INTAKE";
                                    outcome: "ALLOWED" | "DENIED";
                                    reason: string | null;
                                    count: number;
                                    lastAt: string | null;
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
    "/api/audit/emergency-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Emergency accesses to review (status=pending, the default, oldest first), reviewed or all (newest first) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    limit?: number;
                    status?: "pending" | "reviewed" | "all";
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
                                items: components["schemas"]["def-6"][];
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
    "/api/audit/emergency-access/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Review an emergency access: APPROPRIATE or INAPPROPRIATE, with a note (once) */
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
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "outcome": "APPROPRIATE",
                     *       "note": "Emergency admission confirmed by the ward log"
                     *     }
                     */
                    "application/json": {
                        outcome: "APPROPRIATE" | "INAPPROPRIATE";
                        note: string;
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
                                grant: components["schemas"]["def-6"];
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
                         *         "message": "body.outcome must have required property 'outcome'",
                         *         "details": [
                         *           {
                         *             "field": "body.outcome",
                         *             "message": "must have required property 'outcome'"
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
    "/api/audit/refusals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Refused accesses to patients and records, newest first (identical refusals within a minute are one entry with a count) */
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
                                items: components["schemas"]["def-7"][];
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
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the access logs (record_access_log, patient_access_log): seals the pending rows, then checks every seal, its chain and MAC, and every sealed row; intact, or the first mismatch of each trail (docs/audit-trail.md) */
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
                            data: components["schemas"]["def-8"];
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
                                doctor: components["schemas"]["def-9"];
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
                                doctor: components["schemas"]["def-9"];
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
                                items: (components["schemas"]["def-9"] | {
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
    "/api/records/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JSON Web Key Set of the record signing keys: every key that ever signed a record (retired ones too), so a signature of any age verifies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The public keys (ES256) of record signatures */
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
            /** Format: date-time */
            deletedAt?: string;
            version: number;
            status: "draft" | "final" | "entered-in-error";
            signedAt: string | null;
            signedBy: string | null;
            signature: string | null;
            errorReason: string | null;
        };
        /** RecordVersion */
        "def-1": {
            /**
             * Format: uuid
             * @description A UUID
             */
            recordId: string;
            version: number;
            kind: "CREATED" | "UPDATED" | "SIGNED" | "AMENDED" | "ENTERED_IN_ERROR";
            status: "draft" | "final" | "entered-in-error";
            content: {
                /** Format: date */
                visitDate: string;
                complaint: string;
                diagnosis: string;
                treatment: string;
                prescription: string | null;
                notes: string | null;
            };
            reason: string | null;
            changedBy: {
                /**
                 * Format: uuid
                 * @description A UUID
                 */
                userId: string;
                role: "PATIENT" | "DOCTOR" | "ADMIN";
            };
            /** Format: date-time */
            changedAt: string;
            signedAt: string | null;
            signedBy: string | null;
            signature: string | null;
            amendsVersion: number | null;
            amendmentRequestId: string | null;
        };
        /** AmendmentRequest */
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
            recordId: string;
            /**
             * Format: uuid
             * @description A UUID
             */
            patientId: string;
            text: string;
            status: "PENDING" | "ACCEPTED" | "DECLINED";
            /** Format: date-time */
            createdAt: string;
            decidedAt: string | null;
            decidedBy: string | null;
            decisionReason: string | null;
            resultingVersion: number | null;
        };
        /** Patient */
        "def-3": {
            /**
             * Format: uuid
             * @description A UUID
             */
            id: string;
            userId: string | null;
            mrn: string;
            fullName: string;
            /** Format: date */
            dateOfBirth: string;
            gender: ("MALE" | "FEMALE" | "OTHER") | null;
            phone: string | null;
            address: string | null;
            email: string | null;
            nik: string | null;
            bpjsNumber: string | null;
            claimed: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** PatientIntake */
        "def-4": {
            /**
             * Format: uuid
             * @description A UUID
             */
            id: string;
            mrn: string;
            fullName: string;
            /** Format: date */
            dateOfBirth: string;
            gender: ("MALE" | "FEMALE" | "OTHER") | null;
            claimed: boolean;
        };
        /** CareRelationship */
        "def-5": {
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
            doctor: {
                /**
                 * Format: uuid
                 * @description A UUID
                 */
                id: string;
                fullName: string;
                specialization: string;
            };
            source: "REGISTERED" | "AUTHORED" | "ASSIGNED" | "GRANTED" | "REFERRED";
            grantedBy: {
                /**
                 * Format: uuid
                 * @description A UUID
                 */
                userId: string;
                role: "PATIENT" | "DOCTOR" | "ADMIN";
            };
            note: string | null;
            /** Format: date-time */
            startsAt: string;
            endsAt: string | null;
            endedByUserId: string | null;
            active: boolean;
        };
        /** EmergencyAccess */
        "def-6": {
            /**
             * Format: uuid
             * @description A UUID
             */
            id: string;
            patient: {
                /**
                 * Format: uuid
                 * @description A UUID
                 */
                id: string;
                mrn: string;
                fullName: string;
            };
            doctor: {
                /**
                 * Format: uuid
                 * @description A UUID
                 */
                id: string;
                fullName: string;
            };
            reason: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            active: boolean;
            reads: number;
            review: null | {
                outcome: "APPROPRIATE" | "INAPPROPRIATE";
                note: string;
                /**
                 * Format: uuid
                 * @description A UUID
                 */
                reviewedByUserId: string;
                /** Format: date-time */
                reviewedAt: string;
            };
        };
        /** Refusal */
        "def-7": {
            /**
             * Format: uuid
             * @description A UUID
             */
            id: string;
            target: "RECORD" | "PATIENT";
            /**
             * Format: uuid
             * @description A UUID
             */
            targetId: string;
            /**
             * Format: uuid
             * @description A UUID
             */
            actorUserId: string;
            actorRole: "PATIENT" | "DOCTOR" | "ADMIN";
            action: "READ" | "CREATE" | "UPDATE" | "DELETE" | "SIGN" | "AMEND";
            reason: string | null;
            count: number;
            /** Format: date-time */
            at: string;
            lastAt: string | null;
            requestId: string | null;
        };
        /** AuditVerification */
        "def-8": {
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
        /** Doctor */
        "def-9": {
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
