/**
 * Generated from the server's OpenAPI document by `npm run api:generate` (scripts/generate-api.ts).
 * Do not edit: change the route's zod schema in src/modules/<domain>/routes.ts and regenerate.
 */

export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the database kind, the schema version and the application version */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Healthy */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
              /** @enum {string} */
              database: 'pglite' | 'postgresql';
              schemaVersion: number;
              version: string;
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
  '/api/meta': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the sign-in page needs: whether demo accounts exist, the organisation name */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Meta */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              demo: boolean;
              organisation: {
                shortName: {
                  en: string;
                  ru: string;
                };
                name: {
                  en: string;
                  ru: string;
                };
              } | null;
              version: string;
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
  '/api/ledger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Entries of the record the caller may read, newest first, with their subjects named; filters by action, subject, actor, state and time */
    get: {
      parameters: {
        query?: {
          before?: number;
          limit?: number;
          /** @description One or several action kinds (repeat the parameter, or separate them with commas) */
          action?: string | string[];
          subjectType?: string;
          /** @description Needs subjectType */
          subjectId?: string;
          /** @description The person who acted */
          actor?: string;
          /** @description The delegation the actor spoke for */
          state?: string;
          /** @description At or after: a UTC day or an instant */
          from?: string;
          /** @description At or before: a UTC day (the whole day) or an instant */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Entries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['LedgerEntry'][];
              nextBefore: number | null;
              /** @description Entries written and committed that still wait for their place in the record (the sequencer numbers them within moments); not listed until then */
              pending: number;
              abilities: {
                export: boolean;
                verify: boolean;
              };
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/ledger/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every kind of record entry: the module that writes it, what it means and the JSON Schema of its payload (the record filter lists them) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Action kinds */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                action: string;
                module: string;
                description: string;
                /** @description JSON Schema of the payload */
                payload: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/ledger/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify the whole record in the database: every entry, the Merkle tree, the checkpoints, each signed by one of the key files of the server (current or retired; not a key the database merely lists) or witnessed (secretariat administrators and heads of delegation; one run at a time, once a minute per person) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The verdict */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VerifyResult'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many requests: try again after Retry-After seconds */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/ledger/public-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The log's public keys, oldest first: the one not retired signs new checkpoints (the private key is in a file, never in the database) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Public keys */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['PublishedKey'][];
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
  '/api/ledger/checkpoint': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The newest checkpoint (signed tree head) as a C2SP signed note with its co-signatures: what witnesses fetch; public, it holds only the tree's size and root */
    get: {
      parameters: {
        query?: {
          /** @description true: the newest checkpoint a quorum of witnesses co-signed */
          witnessed?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The checkpoint */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Checkpoint'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/ledger/checkpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Checkpoints of the record, newest first, with who co-signed each */
    get: {
      parameters: {
        query?: {
          /** @description Sizes below this */
          before?: number;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Checkpoints */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Checkpoint'][];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/ledger/consistency': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The consistency proof (RFC 9162 2.1.4) that the tree of `from` entries is a prefix of the tree of `to` entries: hashes only, public */
    get: {
      parameters: {
        query: {
          from: number;
          to: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The proof, base64 hashes */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: number;
              to: number;
              proof: string[];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/ledger/proof': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The inclusion proof of an entry the caller may read: the entry, its leaf hash, the audit path and the checkpoint it is proven against (check it offline with accord ledger check-proof) */
    get: {
      parameters: {
        query: {
          /** @description The entry */
          seq: number;
          /** @description A checkpoint to prove against; default: the one that vouches for the entry */
          size?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The proof */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InclusionProof'];
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/ledger/cosignatures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A witness hands in its co-signature: the checkpoint's note with the witness's cosignature/v1 line. Public: the signature is the credential (checked against the organisation's witness keys) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
          };
        };
      };
      responses: {
        /** @description The witnesses whose co-signature was new */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              size: number;
              accepted: string[];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/ledger/fork-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A witness reports a fork: a checkpoint that does not extend the one it co-signed. Public: the report must carry the checkpoint the witness co-signed, with its co-signature; it is recorded and the administrators are told */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            witness: string;
            cosignedNote: string;
            shownNote: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              recorded: boolean;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/ledger/witnesses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation's witnesses (member states' keys that co-sign checkpoints) and the quorum */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Witnesses */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              quorum: number;
              items: {
                name: string;
                state: string | null;
                verifierKey: string;
                active: boolean;
                lastCosignedSize: number | null;
                lastCosignedAt: string | null;
              }[];
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
  '/api/ledger/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The whole record as JSON Lines; payloads the caller may not read are hidden behind their hashes, so the chain still verifies */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description JSON Lines */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/x-ndjson': string;
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/auth/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with a username and password; sets the session cookie
     * @description Failed sign-ins are counted by client address and account, never written to the record. 10 failures from one address within 15 minutes answer 429 (with Retry-After) until the oldest leaves the window; an account with 3 or more failures makes addresses that have failed wait 2^(n-2) s (at most 60 s) after its last failure. No account is locked.
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
          'application/json': components['schemas']['SignInInput'];
        };
      };
      responses: {
        /** @description Signed in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Session'];
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many failed sign-ins: the message says why, Retry-After when to try again */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current session: who is signed in and the token to send in X-CSRF-Token */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Signed in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Session'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the current session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change your own password (ends your other sessions; with revokeTokens, the default, revokes your API tokens) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangePasswordInput'];
        };
      };
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/me': {
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
    /** Change your own language or e-mail address (400 naming `email` when another account has it) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateMeInput'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['Me'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/me/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your API tokens */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Your tokens */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ApiToken'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an API token for scripts and the CLI; the token is shown once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateTokenInput'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedToken'];
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/me/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of your API tokens */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The people the caller may see, with what the caller may do to each */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description People */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['User'][];
              abilities: {
                create: boolean;
              };
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an account (secretariat administrators) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateUserInput'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['User'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One person */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The person */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['User'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a person's name, e-mail, role or access level (secretariat administrators) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateUserInput'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['User'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/users/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disable an account: its sessions and tokens end at once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Disabled */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['User'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/users/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enable a disabled account */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Enabled */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['User'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/organisation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation, its current presidency with the priorities, and its procedure settings */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The organisation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              organisation: components['schemas']['Organisation'];
              presidency: components['schemas']['Presidency'];
              procedures: components['schemas']['ProcedureSettings'];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/organisation/monitoring': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisation file's monitoring settings: the alert scale, report categories, regions and their indicators with thresholds, the combination rule */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The monitoring settings (empty lists: none declared) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              monitoring: components['schemas']['MonitoringSettings'];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/states': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Member states and the bodies each sits in */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Member states */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['MemberState'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/states/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One member state */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The state */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              state: components['schemas']['MemberState'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/bodies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Bodies of the organisation and the states sitting in each */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Bodies */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Body'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/bodies/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One body */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The body */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              body: components['schemas']['Body'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/partners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Partner organisations that may be invited as observers */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Partners */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Partner'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/partners/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One partner organisation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The partner */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              partner: components['schemas']['Partner'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/delegations/{state}/authorisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The delegates authorised to answer for a state, and whether the caller may change that */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          state: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Authorised delegates */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['DelegateAuthorisation'][];
              abilities: {
                authorise: boolean;
              };
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/delegations/{state}/authorisations/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The head of delegation authorises a delegate to answer for the state */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          state: string;
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** The head of delegation withdraws a delegate's authority */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          state: string;
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-sent events: an `entry` event for every new entry of the record the caller may read ({ seq, at, action, subjectType, subjectId }), and a `notification` event ({ unread }) when a notification for the caller is written. The stream lasts as long as its session or API token: when it is signed out, ended by a password change, expires or is revoked, or the account is disabled, an `end` event ({ reason: "signed_out" }) closes it; a changed access level or role applies from the next event. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An event stream */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's notifications, newest first, with the number unread */
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Notifications */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Notification'][];
              unread: number;
              nextOffset: number | null;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one of the caller’s notifications read */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Marked read */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              notification: components['schemas']['Notification'];
              unread: number;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark every one of the caller's notifications read */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Marked read */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              marked: number;
              unread: number;
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/me/notification-preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How each kind of notification reaches the caller: in the app, by e-mail */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Preferences */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              preferences: components['schemas']['NotificationPreferences'];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Choose how kinds of notification reach the caller (kinds), or which are shown in the app (disabled) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NotificationPreferencesInput'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              preferences: components['schemas']['NotificationPreferences'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/users/{id}/notification-preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A person's notification choices: the caller's own only (anyone else's answers 404) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Preferences */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              preferences: components['schemas']['NotificationPreferences'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Change a person's notification choices: the caller's own only (anyone else's answers 404) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NotificationPreferencesInput'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              preferences: components['schemas']['NotificationPreferences'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/me/calendar-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new secret link to the caller's calendar feed of open deadlines (iCalendar); any earlier link stops working */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The link, shown this once */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              calendar: components['schemas']['CalendarLink'];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/calendar/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A calendar feed (RFC 5545) of open deadlines: `/api/calendar/<token>.ics`, public by its secret token */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The secret feed token followed by `.ics` */
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The calendar */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/calendar': string;
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/delegations/{state}/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A delegation's webhooks (its head of delegation or a secretariat administrator) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          state: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Webhooks */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Webhook'][];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Add a webhook: clearance events for the delegation are POSTed to it, signed with its secret */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          state: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateWebhookInput'];
        };
      };
      responses: {
        /** @description Added; the secret is shown once */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              webhook: components['schemas']['Webhook'];
              /** @description The signing secret, shown this once: keep it now */
              secret: string;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/delegations/{state}/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a webhook and its deliveries */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          state: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              deleted: true;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a webhook's URL, events, active flag or description, or rotate its secret */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          state: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateWebhookInput'];
        };
      };
      responses: {
        /** @description Changed; the new secret when rotated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              webhook: components['schemas']['Webhook'];
              /** @description The signing secret, shown this once: keep it now */
              secret: string | null;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/delegations/{state}/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook's deliveries, newest first, with every attempt (time, status code, error, duration) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number | null;
          status?: 'pending' | 'delivered' | 'failed';
        };
        header?: never;
        path: {
          state: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deliveries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['WebhookDelivery'][];
              nextOffset: number | null;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/delegations/{state}/deliveries/{id}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivered or failed delivery again (same delivery id); 409 while it is queued */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          state: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              delivery: components['schemas']['WebhookDelivery'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/delegations/{state}/webhooks/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue a `ping` event to this webhook, to check the receiver and its signature check */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          state: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              delivery: components['schemas']['WebhookDelivery'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/proposals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Proposals the caller may read: open now, closing soon, adopted, not adopted, drafts */
    get: {
      parameters: {
        query?: {
          /** @description open now; closing within 24 h; adopted (wholly or partly); not adopted; drafts */
          view?: 'open' | 'closing_soon' | 'adopted' | 'not_adopted' | 'drafts';
          body?: string;
          status?: 'draft' | 'open' | 'adopted' | 'partially_adopted' | 'not_adopted';
          priority?: string;
          /** @description The author state */
          state?: string;
          /** @description Search in titles */
          q?: string;
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Proposals */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ProposalListItem'][];
              nextOffset: number | null;
              abilities: {
                create: boolean;
              };
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Draft a proposal in a body (its first version) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateProposalInput'];
        };
      };
      responses: {
        /** @description Drafted */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              proposal: components['schemas']['Proposal'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/proposals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A proposal: latest text and points, versions, procedures, decision, abilities */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The proposal */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              proposal: components['schemas']['Proposal'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a proposal before a procedure opens: a new version (409 once frozen) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateProposalInput'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              proposal: components['schemas']['Proposal'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: frozen, closed, decided or past the deadline */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/proposals/{id}/versions/{v}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of a proposal */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          v: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: components['schemas']['ProposalVersion'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/proposals/{id}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A line diff between two versions of a proposal */
    get: {
      parameters: {
        query?: {
          /** @description Defaults to the version before `to` */
          from?: number;
          /** @description Defaults to the latest version */
          to?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The diff */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VersionDiff'];
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/decisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Adopted decisions the caller may read, newest first (observers and partners: the published ones, of classification public) */
    get: {
      parameters: {
        query?: {
          year?: number;
          body?: string;
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Decisions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['DecisionListItem'][];
              nextOffset: number | null;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/decisions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A decision: number, final text, statements, states' stances, its record entry and the checkpoint (witnessed when it can be) that vouches for it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The decision */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              decision: components['schemas']['Decision'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/proposals/{id}/procedures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The chair opens a procedure on a version of the proposal; the rule is fixed now */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['OpenProcedureInput'];
        };
      };
      responses: {
        /** @description Opened */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              procedure: components['schemas']['Procedure'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: frozen, closed, decided or past the deadline */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/procedures/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A procedure: the rule, the stance board (states × points), who has not answered, the history */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The procedure */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              procedure: components['schemas']['Procedure'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/procedures/{id}/stances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give or change the caller's state's stances on points (every change is kept) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GiveStancesInput'];
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              procedure: components['schemas']['Procedure'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: frozen, closed, decided or past the deadline */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/procedures/{id}/break-silence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Break silence before expiry: a written objection or a proposed amendment */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['BreakSilenceInput'];
        };
      };
      responses: {
        /** @description Silence broken */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              procedure: components['schemas']['Procedure'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: frozen, closed, decided or past the deadline */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/procedures/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The chair closes a procedure (a meeting consensus with the objections per point); the outcome is recorded */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['CloseProcedureInput'];
        };
      };
      responses: {
        /** @description Closed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              procedure: components['schemas']['Procedure'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: frozen, closed, decided or past the deadline */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/proposals/{id}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach a file (base64, at most 5 MiB, content matching its type) to a proposal before a procedure opens (whoever may edit it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddAttachmentInput'];
        };
      };
      responses: {
        /** @description Attached */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attachment: components['schemas']['Attachment'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: the subject is closed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/proposals/{id}/attachments/{attachmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a file of a proposal the caller may read, with its own content type */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          attachmentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
            'text/plain': string;
            'text/markdown': string;
            'text/csv': string;
            'image/png': string;
            'image/jpeg': string;
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove a file of a proposal before a procedure opens (whoever may edit it) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          attachmentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: the subject is closed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/clearances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Movement clearance requests the caller may read (made by or crossing their state) */
    get: {
      parameters: {
        query?: {
          status?: 'draft' | 'pending' | 'awaiting_acceptance' | 'cleared' | 'denied' | 'withdrawn';
          /** @description Requests crossing or made by this state */
          state?: string;
          toDecide?: 'true' | 'false';
          q?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Requests */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ClearanceRequestListItem'][];
              abilities: {
                create: boolean;
              };
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a request (a draft, or submitted at once with `submit: true`) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateClearanceRequestInput'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: submitted, closed, decided or past the window */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A request: content in force, legs with their windows and decisions, history, versions, abilities */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Rewrite a draft (409 once submitted: amend instead) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateClearanceDraftInput'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: submitted, closed, decided or past the window */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of a request’s content */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              version: {
                version: number;
                content: {
                  [key: string]: unknown;
                };
                createdAt: string;
                createdBy: string;
                submittedAt: string | null;
              };
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a draft: every leg opens at once, in parallel */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Submitted */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: submitted, closed, decided or past the window */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/amend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Amend: a new version; only states whose legs (or the shared cargo) changed decide again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AmendClearanceRequestInput'];
        };
      };
      responses: {
        /** @description Amended */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: submitted, closed, decided or past the window */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw the request */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WithdrawClearanceRequestInput'];
        };
      };
      responses: {
        /** @description Withdrawn */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: submitted, closed, decided or past the window */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach a file (base64, at most 5 MiB, content matching its type) to a clearance request while it is neither denied nor withdrawn (the requester; every state on the route reads it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddAttachmentInput'];
        };
      };
      responses: {
        /** @description Attached */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attachment: components['schemas']['Attachment'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: the subject is closed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/attachments/{attachmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a file of a clearance request the caller may read, with its own content type */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          attachmentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
            'text/plain': string;
            'text/markdown': string;
            'text/csv': string;
            'image/png': string;
            'image/jpeg': string;
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove a file of a clearance request while it is neither denied nor withdrawn (the requester; every state on the route reads it) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          attachmentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: the subject is closed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/clearances/{id}/accept-conditions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The requester accepts the conditions of the named legs (all when none are named) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AcceptConditionsInput'];
        };
      };
      responses: {
        /** @description Accepted */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: submitted, closed, decided or past the window */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/legs/{state}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A state decides its leg: approve, approve with conditions, or deny (409 once the window closed) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          state: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DecideLegInput'];
        };
      };
      responses: {
        /** @description Decided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: submitted, closed, decided or past the window */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/legs/{state}/questions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The leg's state asks the requester for information: its clock pauses */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          state: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AskInfoInput'];
        };
      };
      responses: {
        /** @description Asked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: submitted, closed, decided or past the window */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/legs/{state}/answers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The requester answers a state's question: its clock runs again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          state: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GiveInfoInput'];
        };
      };
      responses: {
        /** @description Answered */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: submitted, closed, decided or past the window */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/legs/{state}/escalation-decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A secretariat administrator decides a leg escalated when its window closed in silence */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          state: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DecideLegInput'];
        };
      };
      responses: {
        /** @description Decided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              request: components['schemas']['ClearanceRequest'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: submitted, closed, decided or past the window */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/standing-permissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Standing permissions granted by or to the caller’s state */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Standing permissions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['StandingPermission'][];
              abilities: {
                grant: boolean;
              };
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Grant a standing permission in the name of the caller’s state */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GrantStandingPermissionInput'];
        };
      };
      responses: {
        /** @description Granted */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              permission: components['schemas']['StandingPermission'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/standing-permissions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a standing permission */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              permission: components['schemas']['StandingPermission'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/asset-lists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The vehicle and asset lists of the caller’s delegation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Asset lists */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AssetList'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Save a new asset list for the caller’s delegation */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AssetListInput'];
        };
      };
      responses: {
        /** @description Saved */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assetList: components['schemas']['AssetList'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/asset-lists/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One asset list */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The list */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assetList: components['schemas']['AssetList'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Replace an asset list */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AssetListInput'];
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assetList: components['schemas']['AssetList'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Delete an asset list */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/deployments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deployment requests of host states */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deployments */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Deployment'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** A host state requests the deployment of collective forces: opens the council procedure the organisation file prescribes */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RequestDeploymentInput'];
        };
      };
      responses: {
        /** @description Requested */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deployment: components['schemas']['Deployment'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/deployments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A deployment request, its procedure and the requests it created */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The deployment */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deployment: components['schemas']['Deployment'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/verify/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Public: checks a clearance certificate by its verification code against the record; shows only what the code proves */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description What the code proves */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CertificateVerification'];
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/certificate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A cleared request's certificate, checked against the record (404 until it is cleared) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The certificate and its check */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CertificateVerification'];
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearances/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A request and its decisions as JSON, or as CSV with one line per leg (what the caller may see) */
    get: {
      parameters: {
        query?: {
          format?: 'json' | 'csv';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The export, as a file to save */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
            'text/csv': string;
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/crossing-points': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Crossing points of the organisation file (for the map) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Crossing points */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CrossingPoint'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearance-windows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Each state's response window per urgency and what its silence means */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Windows */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ClearanceWindow'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/clearance-timeliness': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Per state and urgency: median and 90th percentile hours to decide, tacit consents and refusals, escalations */
    get: {
      parameters: {
        query?: {
          /** @description Legs opened on or after this day (UTC) or instant */
          from?: string;
          /** @description Legs opened up to this day (included, UTC) or before this instant */
          to?: string;
          framework?: 'collective_forces' | 'peacekeeping' | 'exercise' | 'training' | 'humanitarian';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Figures over the requests you may read */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TimelinessFigure'][];
              /** @description The instants the figures cover: opened at or after from, before to */
              range: {
                from: string | null;
                to: string | null;
              };
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/hotlines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The hotlines I speak on or oversee, with what waits on each (unacknowledged, the oldest wait) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Hotlines */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                hotline: components['schemas']['Hotline'];
                waiting: components['schemas']['HotlineWaiting'];
              }[];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/hotlines/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A hotline: its two states, window, escalation and contacts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The hotline's code, as the organisation file names it */
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The hotline */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              hotline: components['schemas']['Hotline'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/hotlines/{code}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A hotline's messages, newest first (paged by offset) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number | null;
          /** @description true: only messages not yet acknowledged */
          waiting?: 'true' | 'false';
        };
        header?: never;
        path: {
          /** @description The hotline's code, as the organisation file names it */
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Messages */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['HotlineMessage'][];
              nextOffset: number | null;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Send a message to the other side (its contacts are notified; escalated unless acknowledged in the window) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The hotline's code, as the organisation file names it */
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['HotlineMessageInput'];
        };
      };
      responses: {
        /** @description Sent */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: components['schemas']['HotlineMessage'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/hotline-messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A message by its id alone (where a notification leads), with its hotline's code */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The message */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The message */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: components['schemas']['HotlineMessage'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/hotlines/{code}/messages/{id}/replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer a message; an answer to the other side's message acknowledges it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The hotline's code, as the organisation file names it */
          code: string;
          /** @description The message */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['HotlineReplyInput'];
        };
      };
      responses: {
        /** @description Sent */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: components['schemas']['HotlineMessage'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/hotlines/{code}/messages/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledge a message of the other side (the time is recorded); 409 when already acknowledged */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The hotline's code, as the organisation file names it */
          code: string;
          /** @description The message */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Acknowledged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: components['schemas']['HotlineMessage'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/hotlines/{code}/contacts/{state}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Name a side's duty contacts (that side's head of delegation), replacing the list */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The hotline's code, as the organisation file names it */
          code: string;
          /** @description The side whose contacts these are */
          state: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['HotlineContactsInput'];
        };
      };
      responses: {
        /** @description Designated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              hotline: components['schemas']['Hotline'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The consultations the caller takes part in (nobody else sees them), most recently active first */
    get: {
      parameters: {
        query?: {
          status?: 'open' | 'concluded' | 'closed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Consultations */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ConsultationSummary'][];
              abilities: {
                /** @description The caller may convene a consultation (POST /api/consultations) */
                convene: boolean;
              };
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Convene a confidential consultation of two or more member states with a facilitator (the secretariat or the presidency's head of delegation) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['OpenConsultationInput'];
        };
      };
      responses: {
        /** @description Convened */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consultation: components['schemas']['Consultation'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A consultation with its agenda, points (who agreed), participants, documents and the caller's abilities */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The consultation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consultation: components['schemas']['Consultation'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A consultation's messages, newest first, paged */
    get: {
      parameters: {
        query?: {
          /** @description The `next` of the previous page */
          before?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Messages */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ConsultationMessage'][];
              /** @description The `before` of the next page; null on the last */
              next: string | null;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Write in an open consultation (never edited: a correction is a new message) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ConsultationMessageInput'];
        };
      };
      responses: {
        /** @description Written */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: components['schemas']['ConsultationMessage'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}/agenda': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add an item at the end of the agenda (the convener or facilitator) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ConsultationAgendaItemInput'];
        };
      };
      responses: {
        /** @description The consultation */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consultation: components['schemas']['Consultation'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}/agenda/{itemId}/done': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark an agenda item dealt with (the convener or facilitator) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The consultation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consultation: components['schemas']['Consultation'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}/points': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put a point to the states for their agreement (any participant) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ConsultationPointInput'];
        };
      };
      responses: {
        /** @description The consultation */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consultation: components['schemas']['Consultation'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}/points/{pointId}/agree': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Agree to a point for the caller's state (its head of delegation or point of contact; once per state); agreed when every state has */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          pointId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The consultation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consultation: components['schemas']['Consultation'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}/conclude': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Conclude the talks with an outcome; only the points every state agreed go with it (the convener or facilitator) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ConcludeConsultationInput'];
        };
      };
      responses: {
        /** @description The consultation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consultation: components['schemas']['Consultation'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the talks without an outcome, saying why (the convener or facilitator) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CloseConsultationInput'];
        };
      };
      responses: {
        /** @description The consultation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consultation: components['schemas']['Consultation'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}/proposal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn a concluded consultation's outcome and agreed points into a proposal of the decisions module on a body (the convener or facilitator; once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MakeProposalFromConsultationInput'];
        };
      };
      responses: {
        /** @description Proposed */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consultation: components['schemas']['Consultation'];
              /** Format: uuid */
              proposalId: string;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach a file (base64, at most 5 MiB, content matching its type) to a consultation while it is open (its participants; nobody else reads it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddAttachmentInput'];
        };
      };
      responses: {
        /** @description Attached */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attachment: components['schemas']['Attachment'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: the subject is closed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/consultations/{id}/attachments/{attachmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a file of a consultation the caller may read, with its own content type */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          attachmentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
            'text/plain': string;
            'text/markdown': string;
            'text/csv': string;
            'image/png': string;
            'image/jpeg': string;
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove a file of a consultation while it is open (its participants; nobody else reads it) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          attachmentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: the subject is closed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/{id}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach a file (base64, at most 5 MiB, content matching its type) to a report while it may be corrected (its author before review, the reviewers during it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddAttachmentInput'];
        };
      };
      responses: {
        /** @description Attached */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              attachment: components['schemas']['Attachment'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: the subject is closed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/{id}/attachments/{attachmentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a file of a report the caller may read, with its own content type */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          attachmentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
            'text/plain': string;
            'text/markdown': string;
            'text/csv': string;
            'image/png': string;
            'image/jpeg': string;
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove a file of a report while it may be corrected (its author before review, the reviewers during it) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          attachmentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not now: the subject is closed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reports from the field the caller may read, newest first: by status, category (with its subcategories), region, time, words, collection, box */
    get: {
      parameters: {
        query?: {
          status?: ('draft' | 'submitted' | 'under_review' | 'verified' | 'published' | 'archived')[];
          /** @description Category codes; a category includes its subcategories */
          category?: string[];
          region?: string[];
          from?: string;
          to?: string;
          /** @description Words in the title or text */
          q?: string;
          collection?: string;
          mission?: string;
          /** @description west,south,east,north in degrees; west > east crosses the antimeridian */
          bbox?: string;
          mine?: 'true' | 'false';
          limit?: number;
          /** @description The `next` cursor of the previous page */
          before?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Reports */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Report'][];
              /** @description The `before` of the next page; null on the last */
              next: string | null;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** File a report (a draft, or submitted at once): time, place, category, actors, counts, source */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateReportInput'];
        };
      };
      responses: {
        /** @description Filed */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              report: components['schemas']['Report'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The review queue: reports submitted or under review, oldest first, with how long each has waited */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The queue */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReportQueueItem'][];
              submitted: number;
              underReview: number;
              oldestWaitingSeconds: number | null;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import reports from CSV, all or nothing: every bad line named (fields lines.<line>.<column>); one record entry for the file */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ImportReportsInput'];
        };
      };
      responses: {
        /** @description Imported */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              count: number;
              /** @enum {string} */
              status: 'draft' | 'submitted';
              first: string;
              last: string;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/map': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The reports the caller may read on the map, in clusters of a grid over the box (with the list filters), and counted per region */
    get: {
      parameters: {
        query?: {
          status?: ('draft' | 'submitted' | 'under_review' | 'verified' | 'published' | 'archived')[];
          /** @description Category codes; a category includes its subcategories */
          category?: string[];
          region?: string[];
          from?: string;
          to?: string;
          /** @description Words in the title or text */
          q?: string;
          collection?: string;
          mission?: string;
          /** @description west,south,east,north in degrees; west > east crosses the antimeridian */
          bbox?: string;
          mine?: 'true' | 'false';
          /** @description How many cells across the box the reports are clustered in */
          cells?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Clusters */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cellDegrees: number;
              clusters: {
                latitude: number;
                longitude: number;
                count: number;
                fatalities: number;
                /**
                 * Format: uuid
                 * @description The report, when the cluster is one report
                 */
                reportId: string | null;
              }[];
              regions: {
                region: string;
                count: number;
              }[];
              /** @description Reports with a point in the box */
              total: number;
              bounds: {
                west: number;
                south: number;
                east: number;
                north: number;
              };
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the reports the caller may read, with the list filters: CSV with ACLED column names where they apply, or GeoJSON; streamed */
    get: {
      parameters: {
        query?: {
          status?: ('draft' | 'submitted' | 'under_review' | 'verified' | 'published' | 'archived')[];
          /** @description Category codes; a category includes its subcategories */
          category?: string[];
          region?: string[];
          from?: string;
          to?: string;
          /** @description Words in the title or text */
          q?: string;
          collection?: string;
          mission?: string;
          /** @description west,south,east,north in degrees; west > east crosses the antimeridian */
          bbox?: string;
          mine?: 'true' | 'false';
          format?: 'csv' | 'geojson';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
            'application/geo+json': string;
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A report, with what its protection withholds left out below the protection level */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              report: components['schemas']['Report'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Edit a draft or correct a report: the whole content, on the version read (409 if it moved on); a reason once submitted */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CorrectReportInput'];
        };
      };
      responses: {
        /** @description The new version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              report: components['schemas']['Report'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of a report, oldest first, with the reason for each correction */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The versions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReportVersion'][];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a draft for review (its author) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Moved on */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              report: components['schemas']['Report'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/{id}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a submitted report into review (a reviewer; not its author) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Moved on */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              report: components['schemas']['Report'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/{id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify a report (a reviewer; not its author) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Moved on */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              report: components['schemas']['Report'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a verified report to the members, or to the partners too */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PublishReportInput'];
        };
      };
      responses: {
        /** @description Published */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              report: components['schemas']['Report'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archive a report, with the reason (its author withdraws a draft or submission) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ReasonInput'];
        };
      };
      responses: {
        /** @description Archived */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              report: components['schemas']['Report'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/reports/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a report as a duplicate of another: archived, pointing at the report kept */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MergeReportInput'];
        };
      };
      responses: {
        /** @description Merged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              report: components['schemas']['Report'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/report-collections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Collections of reports (a border section, a year...), with how many of their reports the caller may read */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Collections */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReportCollection'][];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Make a collection, kept by the caller's delegation (or the secretariat) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateReportCollectionInput'];
        };
      };
      responses: {
        /** @description Made */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              collection: components['schemas']['ReportCollection'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/report-collections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A collection; its reports are listed by GET /api/reports?collection=<id> */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The collection */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              collection: components['schemas']['ReportCollection'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove a collection (its reports stay) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/report-collections/{id}/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add reports to a collection, or remove them */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangeReportCollectionInput'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              collection: components['schemas']['ReportCollection'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/me/report-filters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's saved filters of the report list and map */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Saved filters */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['SavedReportFilter'][];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Save a filter under a name (replacing one of that name) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SaveReportFilterInput'];
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              filter: components['schemas']['SavedReportFilter'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/me/report-filters/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Forget a saved filter */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/missions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Observation missions: mandate, head, members, area, period, reports filed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Missions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ObservationMission'][];
              abilities: {
                /** @description May set up a mission */
                create: boolean;
              };
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Set up an observation mission (a secretariat administrator) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateMissionInput'];
        };
      };
      responses: {
        /** @description Set up */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              mission: components['schemas']['ObservationMission'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/missions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An observation mission; its reports: GET /api/reports?mission=<id> */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The mission */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              mission: components['schemas']['ObservationMission'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a mission (an administrator): name, mandate, head, area or period, with the reason; checked whole as it is left */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangeMissionInput'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              mission: components['schemas']['ObservationMission'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/missions/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add members to a mission, or remove them */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangeMissionMembersInput'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              mission: components['schemas']['ObservationMission'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/missions/{id}/daily/{day}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A day's report: as approved, or compiled now from the day's reports */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          day: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The day */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              daily: components['schemas']['MissionDailyReport'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/missions/{id}/daily/{day}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The head of mission approves the day's report, with a summary */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          day: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ApproveDailyReportInput'];
        };
      };
      responses: {
        /** @description Approved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              daily: components['schemas']['MissionDailyReport'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/indicators/{code}/values': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An indicator's values over time (90 days by default), with its thresholds and their levels */
    get: {
      parameters: {
        query?: {
          /** @description From this instant (inclusive); default: 90 days before `to` */
          from?: string;
          /** @description Up to this instant (inclusive); default: now */
          to?: string;
        };
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The series */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IndicatorSeries'];
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Enter values of an entered indicator (a value for an instant already there replaces it); the region's level is worked out again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EnterIndicatorValuesInput'];
        };
      };
      responses: {
        /** @description Entered */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              written: number;
              replaced: number;
              level: components['schemas']['LevelOutcome'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/indicators/values/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import a CSV file of values (`indicator,at,value`), whole or not at all: a bad line answers 400 naming each bad line, its field and why */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ImportIndicatorValuesInput'];
        };
      };
      responses: {
        /** @description Imported */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IndicatorImport'];
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/monitoring/levels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every region the caller watches, with its level (name, colour), since when, and the readings that made it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Levels */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['RegionLevel'][];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/monitoring/levels/{region}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A region's changes of level, newest first, each with the readings that caused it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          region: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description History */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['LevelChange'][];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Alerts the caller may read, newest first, each with its age and its time to first response */
    get: {
      parameters: {
        query?: {
          /** @description One status, or `active`: every one not closed */
          status?: ('open' | 'acknowledged' | 'escalated' | 'closed') | 'active';
          region?: string;
          /** @description At this level or above */
          level?: number;
          limit?: number;
          offset?: number | null;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Alerts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Alert'][];
              nextOffset: number | null;
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** A monitor raises an alert for a region (the situation room is told) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RaiseAlertInput'];
        };
      };
      responses: {
        /** @description Raised */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alert: components['schemas']['Alert'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/alerts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One alert with its steps */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The alert */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alert: components['schemas']['Alert'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/alerts/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledge an open alert (an optional note): its first response if none came before */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AcknowledgeAlertInput'];
        };
      };
      responses: {
        /** @description Done */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alert: components['schemas']['Alert'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/alerts/{id}/escalate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Escalate an open or acknowledged alert (an optional note) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EscalateAlertInput'];
        };
      };
      responses: {
        /** @description Done */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alert: components['schemas']['Alert'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/alerts/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close an alert with a reason (required) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CloseAlertInput'];
        };
      };
      responses: {
        /** @description Done */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alert: components['schemas']['Alert'];
            };
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The caller may read it but not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found, or not visible to the caller */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflicts with the current state: the body says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/home': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What waits on the caller across modules, and what closed recently that they may read */
    get: {
      parameters: {
        query?: {
          /** @description How many days back "recently closed" looks (default 7) */
          days?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The caller’s home page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Home'];
          };
        };
        /** @description Invalid input: the body names the field and the reason */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
    LedgerEntry: {
      seq: number;
      at: string;
      actorId: string | null;
      actorLabel: string;
      actorName: string | null;
      delegation: string | null;
      action: string;
      subjectType: string;
      subjectId: string;
      subjectLabel: string | null;
      subjectPath: string | null;
      classification: string;
      payload: {
        [key: string]: unknown;
      } | null;
      hash: string;
      prevHash: string;
    };
    Error: {
      error: {
        /** @example validation_failed */
        code: string;
        message: string;
        fields?: {
          field: string;
          reason: string;
        }[];
      };
    };
    VerifyResult: {
      ok: boolean;
      checked: number;
      headSeq: number;
      hiddenPayloads: number;
      firstBad: {
        seq: number;
        reason: string;
      } | null;
      /** @description The newest checkpoint read */
      checkpoint: {
        size: number;
        keyId: string;
        /** @description A log key the verifier trusts signed it */
        valid: boolean;
        witnessed: boolean;
        cosigners: string[];
      } | null;
      /** @description Checkpoints trusted from outside the record (witnessed by a quorum, or saved) that the entries match */
      anchors: number;
    };
    PublishedKey: {
      id: string;
      name: string | null;
      /** @description name+keyid+base64 key (null for keys before the Merkle log) */
      verifierKey: string | null;
      publicKeyPem: string;
      createdAt: string;
      retiredAt: string | null;
    };
    Checkpoint: {
      /** @description How many entries the tree holds */
      size: number;
      /** @description The root hash, base64 */
      root: string;
      /** @description The C2SP signed note: origin, size, root, a blank line, the log's signature and the witnesses' co-signatures */
      note: string;
      keyId: string;
      signedAt: string;
      cosigners: {
        name: string;
        state: string | null;
        cosignedAt: string;
      }[];
      quorum: number;
      witnessed: boolean;
    };
    InclusionProof: {
      /** @enum {string} */
      format: 'accord-inclusion-proof/1';
      entry: {
        seq: number;
        at: string;
        actorId: string | null;
        actorLabel: string;
        delegation: string | null;
        action: string;
        subjectType: string;
        subjectId: string;
        classification: number;
        audience: string[] | null;
        payloadHash: string;
        prevHash: string;
        hash: string;
        payload?: unknown;
      };
      leafIndex: number;
      treeSize: number;
      leafHash: string;
      path: string[];
      checkpoint: {
        /** @description How many entries the tree holds */
        size: number;
        /** @description The root hash, base64 */
        root: string;
        /** @description The C2SP signed note: origin, size, root, a blank line, the log's signature and the witnesses' co-signatures */
        note: string;
        cosigners: {
          name: string;
          state: string | null;
          cosignedAt: string;
        }[];
        quorum: number;
        witnessed: boolean;
      };
    };
    Session: {
      user: components['schemas']['Me'];
      csrfToken: string;
    };
    Me: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
      email: string | null;
      /** @enum {string} */
      affiliation: 'delegation' | 'secretariat' | 'partner';
      stateCode: string | null;
      partnerCode: string | null;
      /** @enum {string} */
      role: 'secretariat_admin' | 'head_of_delegation' | 'delegate' | 'point_of_contact' | 'observer';
      /**
       * @description The highest classification the person may read
       * @enum {string}
       */
      accessLevel: 'public' | 'restricted' | 'confidential' | 'secret';
      /** @enum {string} */
      locale: 'en' | 'ru';
      isDemo: boolean;
    };
    SignInInput: {
      username: string;
      password: string;
    };
    ChangePasswordInput: {
      currentPassword: string;
      newPassword: string;
      /**
       * @description Also revoke all your API tokens, the one sending this included (default true)
       * @default true
       */
      revokeTokens: boolean;
    };
    UpdateMeInput: {
      /** @enum {string} */
      locale?: 'en' | 'ru';
      /**
       * Format: email
       * @description Where notifications by e-mail go; null removes it
       * @example a.person@example.org
       */
      email?: string | null;
    };
    ApiToken: {
      /** Format: uuid */
      id: string;
      name: string;
      prefix: string;
      createdAt: string;
      lastUsedAt: string | null;
      expiresAt: string | null;
      revokedAt: string | null;
    };
    CreatedToken: {
      /** @description Shown once; only its hash is kept */
      token: string;
      item: components['schemas']['ApiToken'];
    };
    CreateTokenInput: {
      name: string;
      expiresInDays?: number;
    };
    User: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
      email: string | null;
      /** @enum {string} */
      affiliation: 'delegation' | 'secretariat' | 'partner';
      stateCode: string | null;
      partnerCode: string | null;
      /** @enum {string} */
      role: 'secretariat_admin' | 'head_of_delegation' | 'delegate' | 'point_of_contact' | 'observer';
      /**
       * @description The highest classification the person may read
       * @enum {string}
       */
      accessLevel: 'public' | 'restricted' | 'confidential' | 'secret';
      disabled: boolean;
      abilities: {
        update: boolean;
        disable: boolean;
      };
    };
    CreateUserInput: {
      username: string;
      displayName: string;
      /**
       * Format: email
       * @example a.person@example.org
       */
      email?: string | null;
      password: string;
      /** @enum {string} */
      affiliation: 'delegation' | 'secretariat' | 'partner';
      stateCode?: string | null;
      partnerCode?: string | null;
      /** @enum {string} */
      role: 'secretariat_admin' | 'head_of_delegation' | 'delegate' | 'point_of_contact' | 'observer';
      /**
       * @description The highest classification the person may read
       * @enum {string}
       */
      accessLevel: 'public' | 'restricted' | 'confidential' | 'secret';
    };
    UpdateUserInput: {
      displayName?: string;
      /**
       * Format: email
       * @example a.person@example.org
       */
      email?: string | null;
      /** @enum {string} */
      role?: 'secretariat_admin' | 'head_of_delegation' | 'delegate' | 'point_of_contact' | 'observer';
      /**
       * @description The highest classification the person may read
       * @enum {string}
       */
      accessLevel?: 'public' | 'restricted' | 'confidential' | 'secret';
    };
    Organisation: {
      shortName: components['schemas']['Bilingual'];
      name: components['schemas']['Bilingual'];
      workingLanguages: string[];
      timeZone: string;
    };
    Bilingual: {
      en: string;
      ru: string;
    };
    Presidency: {
      state: {
        code: string;
        name: components['schemas']['Bilingual'];
      };
      from: string;
      to: string;
      slogan: components['schemas']['Bilingual'];
      priorities: {
        code: string;
        title: components['schemas']['Bilingual'];
        items: components['schemas']['Bilingual'][];
      }[];
    } | null;
    ProcedureSettings: {
      /** @description How far ahead of its opening a procedure deadline may be, in days */
      maxHorizonDays: number;
    };
    MonitoringSettings: {
      alertScale: {
        level: number;
        code: string;
        name: components['schemas']['Bilingual'];
        colour: string;
      }[];
      categories: {
        code: string;
        name: components['schemas']['Bilingual'];
        /** @description One of ACLED's violent event types (or a sub-type of one) */
        violent: boolean;
        subcategories: {
          code: string;
          name: components['schemas']['Bilingual'];
        }[];
      }[];
      regions: {
        code: string;
        name: components['schemas']['Bilingual'];
        states: string[];
        /** @description The outline for the map, [longitude, latitude] pairs; null: the states drawn whole */
        area: [number, number][] | null;
      }[];
      indicators: {
        code: string;
        region: string;
        name: components['schemas']['Bilingual'];
        unit: components['schemas']['Bilingual'];
        /** @enum {string} */
        source: 'computed' | 'entered';
        /** @description What a computed indicator counts; null for entered values */
        computed: {
          categories: string[];
          /** @enum {string} */
          measure: 'reports' | 'casualties';
          /** @enum {string} */
          window: 'day' | 'week' | 'month';
        } | null;
        /** @enum {string} */
        direction: 'rising' | 'falling';
        thresholds: {
          level: number;
          at: number;
        }[];
      }[];
      combination: {
        /** @description One level above the highest when this many indicators stand at this level or above; null: a region stands at its indicators' highest level */
        escalate: {
          indicators: number;
          atLevel: number;
        } | null;
      };
    };
    MemberState: {
      code: string;
      name: components['schemas']['Bilingual'];
      timeZone: string;
      bodies: string[];
    };
    Body: {
      code: string;
      kind: string;
      name: components['schemas']['Bilingual'];
      members: string[];
    };
    Partner: {
      code: string;
      shortName: components['schemas']['Bilingual'];
      name: components['schemas']['Bilingual'];
    };
    DelegateAuthorisation: {
      /** Format: uuid */
      userId: string;
      username: string;
      displayName: string;
      grantedBy: string;
      grantedAt: string;
    };
    Notification: {
      /** Format: uuid */
      id: string;
      /** @description The kind, as a module declares it */
      kind: string;
      /** @description What it is about, whatever module owns it */
      subject: {
        /** @description The subject type, as its module declares it ("proposal", "alert"...) */
        type: string;
        id: string;
        title: string;
        reference: string | null;
        /** @description The web page that opens it */
        path: string;
      };
      /** @description The subject when it is a proposal */
      proposal: {
        /** Format: uuid */
        id: string;
        title: string;
      } | null;
      procedure: {
        /** Format: uuid */
        id: string;
        /** @description silence, written, unanimity... */
        kind: string;
      } | null;
      /** @description The subject when it is a clearance request (see /clearances/{id}) */
      clearance: {
        /** Format: uuid */
        id: string;
        reference: string;
        title: string;
        requestingState: string;
        /** @description leg_decided: approved, approved_with_conditions, denied, info_requested... */
        outcome: string | null;
        /** @description leg_decided: state, tacit, standing_permission, secretariat */
        how: string | null;
        clearanceNumber: string | null;
        /** @description leg_arrived: the requester answered the state’s question */
        infoGiven: boolean;
      } | null;
      /** @description The deadline (UTC instant) when there is one; a leg's window end for leg_* */
      deadline: string | null;
      /** @description silence_broken: the state that broke silence; leg_*: the leg’s state; request_denied: who denied */
      state: string | null;
      /** @enum {string|null} */
      stanceKind: 'object' | 'propose_amendment' | null;
      /** @description silence_broken: the points it was broken on */
      points: string[];
      /** @enum {string|null} */
      result: 'adopted' | 'partially_adopted' | 'not_adopted' | null;
      createdAt: string;
      readAt: string | null;
    };
    NotificationPreferences: {
      /** @description Every kind of notification, and how it reaches the person */
      kinds: {
        /** @description The kind, as a module declares it */
        kind: string;
        /** @description Shown in the app (the same as inApp) */
        enabled: boolean;
        inApp: boolean;
        /** @description Chosen by e-mail (sent when e-mail is on and the person has an address) */
        email: boolean;
      }[];
      /** @description The kinds not shown in the app */
      disabled: string[];
      /** @description Where e-mails go, and whether they go at all */
      email: {
        /** @description Whether this server sends e-mail (an SMTP server is set) */
        available: boolean;
        /** @description The person's e-mail address, null when none */
        address: string | null;
      };
    };
    NotificationPreferencesInput: {
      /** @description The kinds not to show in the app; every other kind is shown. Replaces the current set; e-mail choices stay. */
      disabled?: string[];
      /** @description How each kind listed reaches the person; kinds not listed keep their choice. */
      kinds?: components['schemas']['NotificationKindChoice'][];
    };
    NotificationKindChoice: {
      /** @description A kind of notification (see GET /api/notifications/preferences) */
      kind: string;
      /** @description Listed in the app (and the bell) */
      inApp: boolean;
      /** @description Sent by e-mail to the person's address */
      email: boolean;
    };
    CalendarLink: {
      /** @description The feed to subscribe to in a calendar app; works without a cookie */
      url: string;
      /** @example /api/calendar/<token>.ics */
      path: string;
      createdAt: string;
    };
    Webhook: {
      /** Format: uuid */
      id: string;
      state: string;
      url: string;
      /** @description The event kinds it is sent, in their declared order */
      events: string[];
      active: boolean;
      description: string | null;
      createdBy: string;
      createdAt: string;
      updatedAt: string;
      abilities: {
        manage: boolean;
      };
    };
    CreateWebhookInput: {
      /** @example https://clearances.example.gov/accord */
      url: string;
      /** @description The event kinds to send; every kind when left out */
      events?: string[];
      /** @default true */
      active: boolean;
      /** @default null */
      description: string | null;
    };
    UpdateWebhookInput: {
      /** @example https://clearances.example.gov/accord */
      url?: string;
      events?: string[];
      active?: boolean;
      description?: string | null;
      /** @description A new secret, shown once in the answer; the old one stops signing at once */
      rotateSecret?: boolean;
    };
    WebhookDelivery: {
      /**
       * Format: uuid
       * @description Sent as X-Accord-Delivery: the receiver’s idempotency key
       */
      id: string;
      /** Format: uuid */
      webhookId: string;
      event: string;
      occurredAt: string;
      data: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'failed';
      /** @description Attempts in the current round */
      attempts: number;
      nextAttemptAt: string | null;
      lastStatusCode: number | null;
      lastError: string | null;
      deliveredAt: string | null;
      createdAt: string;
      /** @description Every attempt, oldest first */
      attemptLog: components['schemas']['WebhookAttempt'][];
    };
    WebhookAttempt: {
      at: string;
      statusCode: number | null;
      error: string | null;
      durationMs: number;
    };
    ProposalListItem: {
      /** Format: uuid */
      id: string;
      body: string;
      title: string;
      /** @enum {string} */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /** @enum {string} */
      status: 'draft' | 'open' | 'adopted' | 'partially_adopted' | 'not_adopted';
      priority: string | null;
      author: {
        /** @enum {string} */
        kind: 'delegation' | 'secretariat';
        state: string | null;
      };
      latestVersion: number;
      openProcedure: {
        /** Format: uuid */
        id: string;
        /** @enum {string} */
        kind: 'meeting_consensus' | 'silence' | 'written' | 'unanimity' | 'qualified_majority';
        deadline: string | null;
      } | null;
      decision: {
        /** Format: uuid */
        id: string;
        number: number;
        year: number;
        label: string;
      } | null;
      updatedAt: string;
      abilities: components['schemas']['ProposalAbilities'];
    };
    ProposalAbilities: {
      edit: boolean;
      openProcedure: boolean;
      close: boolean;
    };
    Proposal: components['schemas']['ProposalListItem'] & {
      text: string;
      points: components['schemas']['Point'][];
      createdAt: string;
      versions: components['schemas']['VersionInfo'][];
      procedures: components['schemas']['ProcedureSummary'][];
      attachments: components['schemas']['Attachment'][];
    };
    Point: {
      key: string;
      text: string;
    };
    VersionInfo: {
      version: number;
      title: string;
      /** @enum {string} */
      origin: 'draft' | 'edit' | 'amendment';
      originState: string | null;
      /** Format: uuid */
      originProcedureId: string | null;
      createdBy: string;
      createdAt: string;
    };
    ProcedureSummary: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'meeting_consensus' | 'silence' | 'written' | 'unanimity' | 'qualified_majority';
      version: number;
      /** @enum {string} */
      status: 'open' | 'closed';
      deadline: string | null;
      openedAt: string;
      closedAt: string | null;
      /** @enum {string|null} */
      result: 'adopted' | 'partially_adopted' | 'not_adopted' | null;
    };
    Attachment: {
      /** Format: uuid */
      id: string;
      filename: string;
      contentType: string;
      sizeBytes: number;
      sha256: string;
      addedBy: string | null;
      addedAt: string;
    };
    CreateProposalInput: {
      /** @description The code of the body that decides */
      body: string;
      title: string;
      /**
       * @description Markdown source; the UI renders it safely
       * @default
       */
      text: string;
      /**
       * @default public
       * @enum {string}
       */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /** @description A code among the presidency's priorities */
      priority?: string | null;
      points: components['schemas']['PointInput'][];
    };
    PointInput: {
      key?: string;
      text: string;
    };
    UpdateProposalInput: {
      title?: string;
      text?: string;
      /** @enum {string} */
      classification?: 'public' | 'restricted' | 'confidential' | 'secret';
      priority?: string | null;
      points?: components['schemas']['PointInput'][];
    };
    ProposalVersion: components['schemas']['VersionInfo'] & {
      /** Format: uuid */
      proposalId: string;
      text: string;
      points: components['schemas']['Point'][];
    };
    VersionDiff: {
      from: number;
      to: number;
      lines: {
        /** @enum {string} */
        op: 'same' | 'added' | 'removed';
        text: string;
        from: number | null;
        to: number | null;
      }[];
    };
    DecisionListItem: {
      /** Format: uuid */
      id: string;
      number: number;
      year: number;
      /** @example No. 7, 2026 */
      label: string;
      title: string;
      body: string;
      /** @enum {string} */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /** @enum {string} */
      result: 'adopted' | 'partially_adopted';
      adoptedAt: string;
      /** Format: uuid */
      proposalId: string;
      /** Format: uuid */
      procedureId: string;
      /** @description The record entry that published the decision */
      record: {
        seq: number | null;
        hash: string | null;
        /** @description The decision is recorded but its entry waits for its place in the record (the sequencer numbers entries within a second): no seq or hash yet */
        pending: boolean;
      };
    };
    Decision: components['schemas']['DecisionListItem'] & {
      record?: components['schemas']['DecisionRecord'];
      /** @description What does not hold when the entry is checked against the record (empty when it holds) */
      recordProblems: string[];
      /** @enum {string} */
      procedureKind: 'meeting_consensus' | 'silence' | 'written' | 'unanimity' | 'qualified_majority';
      text: string;
      points: {
        key: string;
        text: string;
        adopted: boolean;
        /** @enum {string} */
        reason:
          | 'no_objection'
          | 'silence_kept'
          | 'unanimous'
          | 'majority_reached'
          | 'objected'
          | 'silence_broken'
          | 'no_answer'
          | 'constructive_abstention_limit'
          | 'states_threshold'
          | 'weights_threshold'
          | 'no_participants'
          | 'no_support';
        detail: string | null;
      }[];
      statements: {
        state: string;
        point: string;
        /** @enum {string} */
        kind:
          | 'agree'
          | 'abstain'
          | 'constructive_abstention'
          | 'object'
          | 'propose_amendment'
          | 'not_participating'
          | 'reservation'
          | 'interpretative_statement';
        text: string;
      }[];
      /** @description Each state's stance on each point: a stance kind, no_answer or excluded */
      stances: {
        state: string;
        point: string;
        /** @enum {string} */
        kind:
          | 'agree'
          | 'abstain'
          | 'constructive_abstention'
          | 'object'
          | 'propose_amendment'
          | 'not_participating'
          | 'reservation'
          | 'interpretative_statement'
          | 'no_answer'
          | 'excluded';
      }[];
      abilities: components['schemas']['DecisionAbilities'];
    };
    DecisionRecord: components['schemas']['EntryStanding'] & {
      seq?: number | null;
      hash?: string | null;
      /** @description The entry waits for its place in the record (the sequencer numbers entries within a second) */
      pending: boolean;
    };
    EntryStanding: {
      seq: number;
      hash: string;
      at: string;
      /** @description The checkpoint that vouches for the entry: the first witnessed one, else the newest signed one; null while none covers it */
      checkpoint: {
        size: number;
        signedAt: string;
        keyId: string;
        signatureValid: boolean;
        /** @description The entry's audit path leads to the checkpoint's root */
        proofValid: boolean;
        witnessed: boolean;
        quorum: number;
        cosigners: {
          name: string;
          state: string | null;
          cosignedAt: string;
        }[];
      } | null;
    };
    DecisionAbilities: {
      /** @description Whether the caller may open the proposal and its procedures (observers and partners read the published decision alone) */
      readProposal: boolean;
    };
    Procedure: {
      /** Format: uuid */
      id: string;
      proposal: {
        /** Format: uuid */
        id: string;
        title: string;
        /** @enum {string} */
        classification: 'public' | 'restricted' | 'confidential' | 'secret';
      };
      version: number;
      /** @enum {string} */
      kind: 'meeting_consensus' | 'silence' | 'written' | 'unanimity' | 'qualified_majority';
      rule: components['schemas']['Rule'];
      eligible: string[];
      points: components['schemas']['Point'][];
      deadline: string | null;
      extended: boolean;
      extensionHours: number | null;
      /** @enum {string} */
      status: 'open' | 'closed';
      openedBy: string;
      openedAt: string;
      closedBy: string | null;
      closedAt: string | null;
      /** @enum {string|null} */
      result: 'adopted' | 'partially_adopted' | 'not_adopted' | null;
      outcome: components['schemas']['Outcome'] | null;
      /** @description States × points: the current stance of each state on each point */
      board: {
        state: string;
        excluded: boolean;
        points: {
          point: string;
          stance: components['schemas']['Stance'] | null;
        }[];
      }[];
      /** @description Per point, the participating states with no stance yet */
      notAnswered: {
        point: string;
        states: string[];
      }[];
      /** @description Every stance given, oldest first */
      history: components['schemas']['Stance'][];
      decision: {
        /** Format: uuid */
        id: string;
        number: number;
        year: number;
        label: string;
      } | null;
      abilities: components['schemas']['ProcedureAbilities'];
    };
    Rule: {
      /** @enum {string} */
      kind: 'meeting_consensus' | 'silence' | 'written' | 'unanimity' | 'qualified_majority';
      excludedParties: string[];
      /** @enum {string} */
      missingAnswer?: 'blocks' | 'extend_once';
      majority?: {
        states: {
          num: number;
          den: number;
        };
        weights?: {
          share: {
            num: number;
            den: number;
          };
          byState: {
            [key: string]: number;
          };
        };
        /** @enum {string} */
        abstention: 'against' | 'not_counted';
        blockingMinority?: number;
      };
      constructiveAbstentionLimit?: {
        states: {
          num: number;
          den: number;
        };
        weights?: {
          share: {
            num: number;
            den: number;
          };
          byState: {
            [key: string]: number;
          };
        };
      };
    };
    Outcome: {
      /** @enum {string} */
      result: 'adopted' | 'partially_adopted' | 'not_adopted';
      points: {
        point: string;
        verdict: {
          adopted: boolean;
          /** @enum {string} */
          reason:
            | 'no_objection'
            | 'silence_kept'
            | 'unanimous'
            | 'majority_reached'
            | 'objected'
            | 'silence_broken'
            | 'no_answer'
            | 'constructive_abstention_limit'
            | 'states_threshold'
            | 'weights_threshold'
            | 'no_participants'
            | 'no_support';
          states?: string[];
          detail?: string;
          figures?: components['schemas']['MajorityFigures'];
        };
        participating: string[];
        tally: {
          [key: string]: string[];
        };
      }[];
      extend: boolean;
    };
    /** @description Qualified majority: states and weight in favour against what is required, those against against the blocking minority, and the conditions that failed */
    MajorityFigures: {
      states: {
        inFavour: number;
        counted: number;
        required: number;
        share: {
          num: number;
          den: number;
        };
        met: boolean;
      };
      weights?: {
        inFavour: number;
        counted: number;
        required: number;
        share: {
          num: number;
          den: number;
        };
        met: boolean;
      };
      against: {
        states: number;
        weight?: number;
      };
      blockingMinority?: {
        states: number;
        reached: boolean;
      };
      failed: ('states' | 'weights')[];
    };
    Stance: {
      id: number;
      point: string;
      state: string;
      /** @enum {string} */
      kind:
        | 'agree'
        | 'abstain'
        | 'constructive_abstention'
        | 'object'
        | 'propose_amendment'
        | 'not_participating'
        | 'reservation'
        | 'interpretative_statement';
      text: string | null;
      givenBy: string;
      givenAt: string;
      supersededAt: string | null;
      amendmentVersion: number | null;
    };
    ProcedureAbilities: {
      giveStance: boolean;
      breakSilence: boolean;
      recordForStates: boolean;
      close: boolean;
    };
    OpenProcedureInput: {
      /** @enum {string} */
      kind: 'meeting_consensus' | 'silence' | 'written' | 'unanimity' | 'qualified_majority';
      /** @description Defaults to the latest version */
      version?: number;
      /** @description Defaults to every point of the version */
      points?: string[];
      /**
       * Format: date-time
       * @description The expiry instant; required except for a meeting consensus
       */
      deadline?: string;
      /** @enum {string} */
      missingAnswer?: 'blocks' | 'extend_once';
      extensionHours?: number;
      /** @default [] */
      excludedParties: string[];
      majority?: {
        states: components['schemas']['Share'];
        weights?: {
          share: components['schemas']['Share'];
          byState: {
            [key: string]: number;
          };
        };
        /** @enum {string} */
        abstention: 'against' | 'not_counted';
        blockingMinority?: number;
      };
      constructiveAbstentionLimit?: {
        states: components['schemas']['Share'];
        weights?: {
          share: components['schemas']['Share'];
          byState: {
            [key: string]: number;
          };
        };
      };
    };
    /** @description An exact share num/den, e.g. 2/3 */
    Share: {
      num: number;
      den: number;
    };
    GiveStancesInput: {
      /** @description Defaults to the caller's own state */
      state?: string;
      stances: components['schemas']['StanceInput'][];
    };
    StanceInput: {
      point: string;
      /** @enum {string} */
      kind:
        | 'agree'
        | 'abstain'
        | 'constructive_abstention'
        | 'object'
        | 'propose_amendment'
        | 'not_participating'
        | 'reservation'
        | 'interpretative_statement';
      text?: string | null;
    };
    BreakSilenceInput: {
      state?: string;
      /**
       * @default object
       * @enum {string}
       */
      kind: 'object' | 'propose_amendment';
      /** @description Defaults to every point */
      points?: string[];
      text: string;
    };
    CloseProcedureInput: {
      /**
       * @description Meeting consensus: the states that objected to each point
       * @default []
       */
      objections: {
        point: string;
        states: string[];
        text?: string;
      }[];
    };
    AddAttachmentInput: {
      filename: string;
      /** @enum {string} */
      contentType:
        | 'application/pdf'
        | 'text/plain'
        | 'text/markdown'
        | 'text/csv'
        | 'image/png'
        | 'image/jpeg'
        | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
        | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      /** @description The file, base64-encoded (at most 5 MiB decoded); its content must match contentType */
      dataBase64: string;
    };
    ClearanceRequestListItem: {
      id: string;
      reference: string;
      /** @enum {string} */
      kind: 'request' | 'notification';
      /** @enum {string} */
      status: 'draft' | 'pending' | 'awaiting_acceptance' | 'cleared' | 'denied' | 'withdrawn';
      version: number;
      title: string;
      /** @enum {string} */
      framework: 'collective_forces' | 'peacekeeping' | 'exercise' | 'training' | 'humanitarian';
      /** @enum {string} */
      urgency: 'emergency' | 'urgent' | 'routine';
      /** @enum {string} */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      requestingState: string;
      deploymentId: string | null;
      createdBy: string;
      createdAt: string;
      submittedAt: string | null;
      clearedAt: string | null;
      closedAt: string | null;
      updatedAt: string;
      /** @description The current certificate’s verification code, once cleared */
      verificationCode: string | null;
      legs: {
        state: string;
        /** @enum {string} */
        status: 'draft' | 'pending' | 'info_requested' | 'escalated' | 'approved' | 'denied' | 'withdrawn';
        dueAt: string | null;
        remainingSeconds: number | null;
      }[];
      /** @description A leg of the caller's state is open now */
      toDecide: boolean;
    };
    ClearanceRequest: {
      id: string;
      reference: string;
      /** @enum {string} */
      kind: 'request' | 'notification';
      /** @enum {string} */
      status: 'draft' | 'pending' | 'awaiting_acceptance' | 'cleared' | 'denied' | 'withdrawn';
      version: number;
      title: string;
      /** @enum {string} */
      framework: 'collective_forces' | 'peacekeeping' | 'exercise' | 'training' | 'humanitarian';
      /** @enum {string} */
      urgency: 'emergency' | 'urgent' | 'routine';
      /** @enum {string} */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      requestingState: string;
      deploymentId: string | null;
      createdBy: string;
      createdAt: string;
      submittedAt: string | null;
      clearedAt: string | null;
      closedAt: string | null;
      updatedAt: string;
      /** @description The current certificate’s verification code, once cleared */
      verificationCode: string | null;
      content: components['schemas']['ClearanceContentView'];
      legs: components['schemas']['ClearanceLeg'][];
      events: components['schemas']['ClearanceLegEvent'][];
      versions: {
        version: number;
        createdAt: string;
        createdBy: string;
        submittedAt: string | null;
      }[];
      attachments: components['schemas']['Attachment'][];
      abilities: {
        attach: boolean;
        edit: boolean;
        submit: boolean;
        amend: boolean;
        withdraw: boolean;
        acceptConditions: boolean;
      };
    };
    /** @description The version in force */
    ClearanceContentView: {
      purpose: string;
      operationName?: string;
      pointOfContact: {
        name: string;
        rank?: string;
        phone: string;
        email?: string;
      };
      legs: {
        state: string;
        entry: {
          point: string;
          window: {
            from: string;
            to: string;
          };
        };
        route: string;
        stops: string[];
        exit: {
          point: string;
          window: {
            from: string;
            to: string;
          };
        } | null;
        alternates?: string;
      }[];
      assets: {
        /** @enum {string} */
        kind: 'vehicle' | 'aircraft' | 'helicopter' | 'vessel' | 'train' | 'other';
        type: string;
        count: number;
        registrations: string[];
        callSigns: string[];
      }[];
      personnel: number;
      vips: number;
      armament: boolean;
      sensors: boolean;
      dangerousGoods: {
        unNumber: string;
        hazardClass: string;
        description: string;
        netExplosiveQuantityKg: number | null;
      }[];
      attachments: string[];
    };
    ClearanceLeg: {
      id: string;
      state: string;
      position: number;
      /** @description The state's time zone, for local times */
      timeZone: string;
      /** @enum {string} */
      status: 'draft' | 'pending' | 'info_requested' | 'escalated' | 'approved' | 'denied' | 'withdrawn';
      /** @description The version the current decision is about */
      version: number;
      openedAt: string | null;
      dueAt: string | null;
      /** @description Seconds until silence takes effect; while paused (info_requested) the time left, frozen, when the clock stopped; null when decided */
      remainingSeconds: number | null;
      /** @enum {string|null} */
      onSilence: 'consent' | 'refusal' | 'escalation' | null;
      pausedAt: string | null;
      /** @description Null for a leg no longer on the route */
      entry: components['schemas']['ClearanceLegPassage'] | null;
      /** @description Null when the state hosts the movement */
      exit: components['schemas']['ClearanceLegPassage'] | null;
      route: string | null;
      stops: string[];
      decidedAt: string | null;
      /** @enum {string|null} */
      decidedHow: 'state' | 'tacit' | 'standing_permission' | 'secretariat' | null;
      decidedBy: string | null;
      clearanceNumber: string | null;
      conditions: components['schemas']['ClearanceCondition'][] | null;
      conditionsAcceptedAt: string | null;
      reason: string | null;
      standingPermission: string | null;
      internalNote: string | null;
      /** @description Whether the caller sees this leg’s decision details */
      details: boolean;
      abilities: {
        decide: boolean;
        askInfo: boolean;
        decideEscalated: boolean;
        giveInfo: boolean;
      };
    };
    ClearanceLegPassage: {
      /** @description A crossing point code */
      point: string;
      /** @description Window start, UTC (ISO 8601) */
      from: string;
      /** @description Window end, UTC (ISO 8601) */
      to: string;
      /** @description Window start in the state's time, with its offset */
      fromLocal: string;
      /** @description Window end in the state's time, with its offset */
      toLocal: string;
    };
    ClearanceCondition: {
      /** @enum {string} */
      kind: 'time_window' | 'route' | 'crossing_point' | 'escort' | 'restriction' | 'other';
      text: string;
      window?: {
        from: string;
        to: string;
      };
      point?: string;
    };
    ClearanceLegEvent: {
      state: string;
      at: string;
      kind: string;
      actor: string;
      details: {
        [key: string]: unknown;
      };
    };
    CreateClearanceRequestInput: components['schemas']['ClearanceContent'] & {
      title: string;
      /** @description The requesting state; the caller's own state when omitted */
      requestingState?: string;
      /** @enum {string} */
      framework: 'collective_forces' | 'peacekeeping' | 'exercise' | 'training' | 'humanitarian';
      /** @enum {string} */
      urgency: 'emergency' | 'urgent' | 'routine';
      /**
       * @default restricted
       * @enum {string}
       */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /** @default false */
      submit: boolean;
    };
    LegInput: {
      state: string;
      entry: components['schemas']['Passage'];
      /** @default  */
      route: string;
      /** @default [] */
      stops: string[];
      exit?: components['schemas']['Passage'] & (Record<string, unknown> | null);
      alternates?: string;
    };
    Passage: {
      /** @description A crossing point code */
      point: string;
      window: components['schemas']['TimeWindow'];
    };
    TimeWindow: {
      /** Format: date-time */
      from: string;
      /** Format: date-time */
      to: string;
    };
    AssetInput: {
      /** @enum {string} */
      kind: 'vehicle' | 'aircraft' | 'helicopter' | 'vessel' | 'train' | 'other';
      /** @description e.g. "KamAZ-5350 truck", "Il-76MD" */
      type: string;
      count: number;
      /** @default [] */
      registrations: string[];
      /** @default [] */
      callSigns: string[];
    };
    DangerousGoodsLine: {
      unNumber: string;
      hazardClass: string;
      description: string;
      /** @default null */
      netExplosiveQuantityKg: number | null;
    };
    ClearanceContent: {
      purpose: string;
      operationName?: string;
      /** @description Who the states call about the movement */
      pointOfContact: {
        name: string;
        rank?: string;
        phone: string;
        /** Format: email */
        email?: string;
      };
      legs: components['schemas']['LegInput'][];
      assets: components['schemas']['AssetInput'][];
      personnel: number;
      /** @default 0 */
      vips: number;
      armament: boolean;
      /** @default false */
      sensors: boolean;
      /** @default [] */
      dangerousGoods: components['schemas']['DangerousGoodsLine'][];
      /** @default [] */
      attachments: string[];
    };
    UpdateClearanceDraftInput: {
      purpose: string;
      operationName?: string;
      /** @description Who the states call about the movement */
      pointOfContact: {
        name: string;
        rank?: string;
        phone: string;
        /** Format: email */
        email?: string;
      };
      legs: components['schemas']['LegInput'][];
      assets: components['schemas']['AssetInput'][];
      personnel: number;
      /** @default 0 */
      vips: number;
      armament: boolean;
      /** @default false */
      sensors: boolean;
      /** @default [] */
      dangerousGoods: components['schemas']['DangerousGoodsLine'][];
      /** @default [] */
      attachments: string[];
      title: string;
      /** @enum {string} */
      framework: 'collective_forces' | 'peacekeeping' | 'exercise' | 'training' | 'humanitarian';
      /** @enum {string} */
      urgency: 'emergency' | 'urgent' | 'routine';
      /**
       * @default restricted
       * @enum {string}
       */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
    };
    AmendClearanceRequestInput: components['schemas']['ClearanceContent'] & {
      title?: string;
      /** @enum {string} */
      framework?: 'collective_forces' | 'peacekeeping' | 'exercise' | 'training' | 'humanitarian';
      /** @enum {string} */
      urgency?: 'emergency' | 'urgent' | 'routine';
      /** @enum {string} */
      classification?: 'public' | 'restricted' | 'confidential' | 'secret';
      reason?: string;
    };
    WithdrawClearanceRequestInput: {
      reason: string;
    };
    AcceptConditionsInput: {
      states?: string[];
    };
    DecideLegInput: {
      /** @enum {string} */
      decision: 'approve' | 'approve_with_conditions' | 'deny';
      /** @default [] */
      conditions: components['schemas']['ConditionInput'][];
      reason?: string;
      clearanceNumber?: string;
      internalNote?: string;
    };
    ConditionInput: {
      /** @enum {string} */
      kind: 'time_window' | 'route' | 'crossing_point' | 'escort' | 'restriction' | 'other';
      text: string;
      window?: components['schemas']['TimeWindow'];
      point?: string;
    };
    AskInfoInput: {
      question: string;
    };
    GiveInfoInput: {
      answer: string;
    };
    StandingPermission: {
      id: string;
      number: string;
      grantingState: string;
      grantee: string;
      pattern: {
        frameworks: ('collective_forces' | 'peacekeeping' | 'exercise' | 'training' | 'humanitarian')[];
        crossingPoints?: string[];
        assetKinds: ('vehicle' | 'aircraft' | 'helicopter' | 'vessel' | 'train' | 'other')[];
        maxPersonnel?: number;
      };
      validFrom: string;
      validTo: string;
      note: string | null;
      grantedBy: string;
      grantedAt: string;
      revokedAt: string | null;
      abilities: {
        revoke: boolean;
      };
    };
    GrantStandingPermissionInput: {
      grantee: string;
      /** @description What a movement must be for the permission to cover it */
      pattern: {
        frameworks: ('collective_forces' | 'peacekeeping' | 'exercise' | 'training' | 'humanitarian')[];
        /** @default [] */
        crossingPoints: string[];
        assetKinds: ('vehicle' | 'aircraft' | 'helicopter' | 'vessel' | 'train' | 'other')[];
        maxPersonnel?: number;
      };
      /** Format: date-time */
      validFrom: string;
      /** Format: date-time */
      validTo: string;
      note?: string;
    };
    AssetList: {
      id: string;
      state: string;
      name: string;
      assets: {
        /** @enum {string} */
        kind: 'vehicle' | 'aircraft' | 'helicopter' | 'vessel' | 'train' | 'other';
        type: string;
        count: number;
        registrations: string[];
        callSigns: string[];
      }[];
      updatedBy: string;
      updatedAt: string;
      abilities: {
        write: boolean;
      };
    };
    AssetListInput: {
      name: string;
      assets: components['schemas']['AssetInput'][];
    };
    Deployment: {
      id: string;
      reference: string;
      hostState: string;
      title: string;
      purpose: string;
      /** @enum {string} */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /** @enum {string} */
      status: 'requested' | 'adopted' | 'not_adopted';
      proposalId: string;
      procedureId: string | null;
      movements: (components['schemas']['ClearanceContentView'] & {
        title: string;
        requestingState: string;
        /** @enum {string} */
        urgency: 'emergency' | 'urgent' | 'routine';
      })[];
      requestedBy: string;
      requestedAt: string;
      decidedAt: string | null;
      requests: {
        id: string;
        reference: string;
        /** @enum {string} */
        status: 'draft' | 'pending' | 'awaiting_acceptance' | 'cleared' | 'denied' | 'withdrawn';
        requestingState: string;
      }[];
    };
    RequestDeploymentInput: {
      title: string;
      purpose: string;
      /** @description The caller's own state when omitted */
      hostState?: string;
      /**
       * @default restricted
       * @enum {string}
       */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /** @default [] */
      movements: components['schemas']['PlannedMovement'][];
    };
    PlannedMovement: components['schemas']['ClearanceContent'] & {
      title: string;
      requestingState: string;
      /**
       * @default emergency
       * @enum {string}
       */
      urgency: 'emergency' | 'urgent' | 'routine';
    };
    CertificateVerification: {
      code: string;
      /** @description The certificate matches the record and the chain holds (false while pending) */
      verified: boolean;
      /** @description The certificate is recorded but its entry still awaits its place in the record (the sequencer numbers entries within a second): ask again */
      pending: boolean;
      /**
       * @description valid; under_amendment (an amendment re-opened legs: not valid until cleared again); denied (the amendment was refused); superseded; withdrawn
       * @enum {string}
       */
      status: 'valid' | 'under_amendment' | 'denied' | 'superseded' | 'withdrawn';
      problems: string[];
      certificate: components['schemas']['ClearanceCertificate'];
      /** @description SHA-256 of the certificate (RFC 8785 canonical JSON) */
      digest: string;
      record: components['schemas']['EntryStanding'] & (Record<string, unknown> | null);
    };
    ClearanceCertificate: {
      /** @enum {string} */
      kind: 'accord.clearance-certificate';
      code: string;
      reference: string;
      version: number;
      requestingState: string;
      requestingStateName: {
        en: string;
        ru: string;
      };
      /** @enum {string} */
      framework: 'collective_forces' | 'peacekeeping' | 'exercise' | 'training' | 'humanitarian';
      /** @enum {string} */
      urgency: 'emergency' | 'urgent' | 'routine';
      issuedAt: string;
      personnel: number;
      armament: boolean;
      dangerousGoods: {
        unNumber: string;
        hazardClass: string;
        netExplosiveQuantityKg: number | null;
      }[];
      assets: {
        /** @enum {string} */
        kind: 'vehicle' | 'aircraft' | 'helicopter' | 'vessel' | 'train' | 'other';
        type: string;
        count: number;
        registrations: string[];
        callSigns: string[];
      }[];
      legs: {
        state: string;
        stateName: {
          en: string;
          ru: string;
        };
        clearanceNumber: string;
        decidedAt: string;
        /** @enum {string} */
        decidedHow: 'state' | 'tacit' | 'standing_permission' | 'secretariat';
        entry: {
          point: string;
          pointName: {
            en: string;
            ru: string;
          };
          from: string;
          to: string;
        };
        exit: {
          point: string;
          pointName: {
            en: string;
            ru: string;
          };
          from: string;
          to: string;
        } | null;
        route: string;
        conditions: {
          /** @enum {string} */
          kind: 'time_window' | 'route' | 'crossing_point' | 'escort' | 'restriction' | 'other';
          text: string;
        }[];
      }[];
    };
    CrossingPoint: {
      code: string;
      name: {
        en: string;
        ru: string;
      };
      /** @enum {string} */
      kind: 'road' | 'rail' | 'air' | 'sea';
      states: string[];
      lat: number;
      lon: number;
    };
    ClearanceWindow: {
      state: string;
      timeZone: string;
      /** @enum {string} */
      urgency: 'emergency' | 'urgent' | 'routine';
      hours: number;
      /** @enum {string} */
      onSilence: 'consent' | 'refusal' | 'escalation';
    };
    TimelinessFigure: {
      state: string;
      /** @enum {string} */
      urgency: 'emergency' | 'urgent' | 'routine';
      legs: number;
      decided: number;
      medianHours: number | null;
      p90Hours: number | null;
      tacitConsents: number;
      tacitRefusals: number;
      escalations: number;
      standingPermissions: number;
      open: number;
    };
    Hotline: {
      id: string;
      code: string;
      states: string[];
      acknowledgeWithinMinutes: number;
      escalateTo: ('secretariat' | 'heads_of_delegation')[];
      active: boolean;
      /** @description The state the reader speaks for on it, if either */
      mySide: string | null;
      contacts: {
        state: string;
        username: string;
        displayName: string;
      }[];
      abilities: {
        send: boolean;
        designate: boolean;
      };
    };
    HotlineWaiting: {
      /** @description Messages not yet acknowledged (that the reader may read) */
      count: number;
      /** Format: date-time */
      oldestSentAt: string | null;
      /** @description How long the oldest has waited */
      oldestWaitSeconds: number | null;
      escalated: number;
      /** @description Of them, those the reader's side must acknowledge */
      forMySide: number;
      /** Format: date-time */
      oldestForMySideAt: string | null;
    };
    HotlineMessage: {
      id: string;
      hotline: string;
      replyTo: string | null;
      fromState: string;
      toState: string;
      /** @description The sender's username */
      from: string;
      body: string;
      /** @enum {string} */
      urgency: 'routine' | 'urgent';
      classification: string;
      reportId: string | null;
      region: string | null;
      /** Format: date-time */
      sentAt: string;
      /** Format: date-time */
      dueAt: string;
      /**
       * @description overdue: the window closed, the escalation is being applied
       * @enum {string}
       */
      status: 'waiting' | 'overdue' | 'escalated' | 'acknowledged';
      /** Format: date-time */
      acknowledgedAt: string | null;
      acknowledgedBy: string | null;
      acknowledgedWithinWindow: boolean | null;
      /** Format: date-time */
      escalatedAt: string | null;
      abilities: {
        acknowledge: boolean;
        reply: boolean;
      };
    };
    HotlineMessageInput: {
      /** @example Shots heard near post 14, 02:40 local. Please confirm your patrols. */
      body: string;
      /**
       * @description Urgent messages are flagged in the other side’s notifications
       * @default routine
       * @enum {string}
       */
      urgency: 'routine' | 'urgent';
      /**
       * @description At most the sender’s access level
       * @default restricted
       * @enum {string}
       */
      classification: 'restricted' | 'confidential' | 'secret';
      /**
       * Format: uuid
       * @description A field report the message is about
       */
      reportId?: string;
      /** @description A monitoring region of the organisation file the message is about */
      region?: string;
      /**
       * Format: uuid
       * @description The message of this hotline it answers
       */
      replyTo?: string;
    };
    HotlineReplyInput: {
      /** @example Shots heard near post 14, 02:40 local. Please confirm your patrols. */
      body: string;
      /**
       * @description Urgent messages are flagged in the other side’s notifications
       * @default routine
       * @enum {string}
       */
      urgency: 'routine' | 'urgent';
      /**
       * @description At most the sender’s access level
       * @default restricted
       * @enum {string}
       */
      classification: 'restricted' | 'confidential' | 'secret';
      /**
       * Format: uuid
       * @description A field report the message is about
       */
      reportId?: string;
      /** @description A monitoring region of the organisation file the message is about */
      region?: string;
    };
    HotlineContactsInput: {
      /** @description The side's duty contacts, replacing the list (empty: none) */
      usernames: string[];
    };
    ConsultationSummary: {
      /** Format: uuid */
      id: string;
      reference: string;
      title: string;
      /** @enum {string} */
      status: 'open' | 'concluded' | 'closed';
      /** @enum {string} */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      states: string[];
      facilitator: {
        /** Format: uuid */
        id: string;
        name: string;
        state: string | null;
      };
      /** @description The reference of the monitoring alert it answers, if any */
      alert: string | null;
      /** @description The monitoring region it concerns, if any */
      region: string | null;
      /** Format: uuid */
      proposalId: string | null;
      createdAt: string;
      updatedAt: string;
      concludedAt: string | null;
    };
    Consultation: components['schemas']['ConsultationSummary'] & {
      purpose: string;
      convenedBy: {
        /** Format: uuid */
        id: string;
        name: string;
        state: string | null;
      };
      staff: {
        /** Format: uuid */
        id: string;
        name: string;
        state: string | null;
      }[];
      outcome: string | null;
      closeReason: string | null;
      agenda: components['schemas']['ConsultationAgendaItem'][];
      points: components['schemas']['ConsultationPoint'][];
      attachments: components['schemas']['Attachment'][];
      abilities: {
        message: boolean;
        manageAgenda: boolean;
        proposePoint: boolean;
        agreePoint: boolean;
        attach: boolean;
        conclude: boolean;
        close: boolean;
        makeProposal: boolean;
      };
    };
    ConsultationAgendaItem: {
      /** Format: uuid */
      id: string;
      position: number;
      text: string;
      /** @enum {string} */
      status: 'open' | 'done';
      addedBy: string;
      doneAt: string | null;
    };
    ConsultationPoint: {
      /** Format: uuid */
      id: string;
      position: number;
      text: string;
      proposedBy: string;
      proposedByState: string | null;
      /** @description The states that agreed */
      agreedBy: string[];
      /** @description The states that have not agreed yet */
      awaiting: string[];
      /** @description Every participating state agreed */
      agreed: boolean;
      agreedAt: string | null;
      abilities: {
        /** @description The caller may agree to it for their state now */
        agree: boolean;
      };
    };
    OpenConsultationInput: {
      title: string;
      /** @default  */
      purpose: string;
      /** @description The member states taking part (two or more, distinct) */
      participants: string[];
      /** @description Who chairs the talks: a secretariat person or the presidency's head of delegation (user id or username) */
      facilitator: string;
      /**
       * @description Secretariat staff taking part besides the convener and the facilitator
       * @default []
       */
      staff: string[];
      /**
       * @default confidential
       * @enum {string}
       */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /**
       * @description The agenda, in order
       * @default []
       */
      agenda: string[];
      /**
       * @description The monitoring alert it answers, if any (its reference)
       * @default null
       */
      alert: string | null;
      /**
       * @description The monitoring region it concerns, if any
       * @default null
       */
      region: string | null;
    };
    ConsultationMessage: {
      /** Format: uuid */
      id: string;
      author: string;
      /** @description The state the author spoke for; null for the secretariat */
      state: string | null;
      body: string;
      createdAt: string;
    };
    ConsultationMessageInput: {
      /** @description Never edited: a correction is a new message */
      body: string;
    };
    ConsultationAgendaItemInput: {
      text: string;
    };
    ConsultationPointInput: {
      text: string;
    };
    ConcludeConsultationInput: {
      /** @description The outcome; the agreed points go with it, the others do not */
      outcome: string;
    };
    CloseConsultationInput: {
      /** @description Why the talks end without an outcome */
      reason: string;
    };
    MakeProposalFromConsultationInput: {
      /** @description The code of the body that is to decide */
      body: string;
      /** @description Defaults to the consultation's title */
      title?: string;
      /**
       * @description At least the consultation's; defaults to it
       * @enum {string}
       */
      classification?: 'public' | 'restricted' | 'confidential' | 'secret';
    };
    Report: {
      /** Format: uuid */
      id: string;
      reference: string;
      version: number;
      /** @enum {string} */
      status: 'draft' | 'submitted' | 'under_review' | 'verified' | 'published' | 'archived';
      title: string;
      description: string;
      category: string;
      occurredAt: string;
      /** @enum {string} */
      timePrecision: 'exact' | 'day' | 'week';
      /** @description Rounded to 0.1 degree (district precision) when withheld */
      point: {
        latitude: number;
        longitude: number;
        /** @enum {string} */
        precision: 'exact' | 'district' | 'region';
      } | null;
      /** @description A named place and where the event lies from it; null when withheld */
      place: {
        name: string;
        distanceKm: number | null;
        direction: string | null;
      } | null;
      region: string | null;
      state: string | null;
      actors: string[];
      fatalities: number | null;
      injured: number | null;
      source: {
        /** @description Null when withheld */
        name: string | null;
        reliability: string;
        credibility: number;
      };
      /** @enum {string} */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /** @enum {string|null} */
      protection: 'public' | 'restricted' | 'confidential' | 'secret' | null;
      /** @description Whether the reporter and the exact place are withheld from the reader */
      withheld: boolean;
      /** @description Who reported, and for which state; null when withheld */
      reporter: {
        name: string;
        state: string | null;
      } | null;
      /** @enum {string} */
      reporterRole: 'focal_point' | 'monitor' | 'mission_member';
      /** @enum {string|null} */
      publishedTo: 'members' | 'partners' | null;
      /** Format: uuid */
      duplicateOf: string | null;
      /**
       * Format: uuid
       * @description The observation mission it was filed for
       */
      mission: string | null;
      reviewer: string | null;
      archiveReason: string | null;
      createdAt: string;
      updatedAt: string;
      submittedAt: string | null;
      verifiedAt: string | null;
      publishedAt: string | null;
      archivedAt: string | null;
      /** @description Its files, on the report alone (not in lists); none for a reader below its protection, as they may show the place or the source */
      attachments?: components['schemas']['Attachment'][];
      abilities: {
        correct: boolean;
        attach: boolean;
        submit: boolean;
        review: boolean;
        publish: boolean;
        archive: boolean;
        merge: boolean;
      };
    };
    CreateReportInput: {
      title: string;
      /** @default  */
      description: string;
      /** @description A category or subcategory code of the organisation file's taxonomy */
      category: string;
      /**
       * Format: date-time
       * @description When it happened (UTC instant); see timePrecision
       */
      occurredAt: string;
      /**
       * @default exact
       * @enum {string}
       */
      timePrecision: 'exact' | 'day' | 'week';
      /** @default null */
      point: {
        latitude: number;
        longitude: number;
        /**
         * @default exact
         * @enum {string}
         */
        precision: 'exact' | 'district' | 'region';
      } | null;
      /** @default null */
      place: {
        name: string;
        /** @default null */
        distanceKm: number | null;
        /**
         * @default null
         * @enum {string|null}
         */
        direction:
          | 'N'
          | 'NNE'
          | 'NE'
          | 'ENE'
          | 'E'
          | 'ESE'
          | 'SE'
          | 'SSE'
          | 'S'
          | 'SSW'
          | 'SW'
          | 'WSW'
          | 'W'
          | 'WNW'
          | 'NW'
          | 'NNW'
          | null;
      } | null;
      /**
       * @description A monitoring region; found from the point when left out
       * @default null
       */
      region: string | null;
      /**
       * @description The state where it happened
       * @default null
       */
      state: string | null;
      /** @default [] */
      actors: string[];
      /**
       * @description Deaths: the most conservative figure the sources give
       * @default null
       */
      fatalities: number | null;
      /** @default null */
      injured: number | null;
      /**
       * @default {
       *       "name": null,
       *       "reliability": "F",
       *       "credibility": 6
       *     }
       */
      source: {
        /** @default null */
        name: string | null;
        /**
         * @default F
         * @enum {string}
         */
        reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
        /** @default 6 */
        credibility: number;
      };
      /**
       * @default restricted
       * @enum {string}
       */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /**
       * @description Readers below this access level see neither who reported nor the exact place (the point to about 0.1 degree, a district)
       * @default null
       * @enum {string|null}
       */
      protection: 'restricted' | 'confidential' | 'secret' | null;
      /**
       * @description Submit for review at once (else a draft)
       * @default false
       */
      submit: boolean;
      /**
       * Format: uuid
       * @description The observation mission it is filed for (its head and members only)
       * @default null
       */
      mission: string | null;
    };
    ReportQueueItem: {
      report: components['schemas']['Report'];
      /** @description Since it was submitted */
      waitingSeconds: number;
    };
    ImportReportsInput: {
      /** @description The CSV text: a header line naming the columns, then a report per line */
      csv: string;
      /**
       * @description Submit them for review (else drafts)
       * @default true
       */
      submit: boolean;
    };
    CorrectReportInput: {
      title: string;
      /** @default  */
      description: string;
      /** @description A category or subcategory code of the organisation file's taxonomy */
      category: string;
      /**
       * Format: date-time
       * @description When it happened (UTC instant); see timePrecision
       */
      occurredAt: string;
      /**
       * @default exact
       * @enum {string}
       */
      timePrecision: 'exact' | 'day' | 'week';
      /** @default null */
      point: {
        latitude: number;
        longitude: number;
        /**
         * @default exact
         * @enum {string}
         */
        precision: 'exact' | 'district' | 'region';
      } | null;
      /** @default null */
      place: {
        name: string;
        /** @default null */
        distanceKm: number | null;
        /**
         * @default null
         * @enum {string|null}
         */
        direction:
          | 'N'
          | 'NNE'
          | 'NE'
          | 'ENE'
          | 'E'
          | 'ESE'
          | 'SE'
          | 'SSE'
          | 'S'
          | 'SSW'
          | 'SW'
          | 'WSW'
          | 'W'
          | 'WNW'
          | 'NW'
          | 'NNW'
          | null;
      } | null;
      /**
       * @description A monitoring region; found from the point when left out
       * @default null
       */
      region: string | null;
      /**
       * @description The state where it happened
       * @default null
       */
      state: string | null;
      /** @default [] */
      actors: string[];
      /**
       * @description Deaths: the most conservative figure the sources give
       * @default null
       */
      fatalities: number | null;
      /** @default null */
      injured: number | null;
      /**
       * @default {
       *       "name": null,
       *       "reliability": "F",
       *       "credibility": 6
       *     }
       */
      source: {
        /** @default null */
        name: string | null;
        /**
         * @default F
         * @enum {string}
         */
        reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
        /** @default 6 */
        credibility: number;
      };
      /**
       * @default restricted
       * @enum {string}
       */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /**
       * @description Readers below this access level see neither who reported nor the exact place (the point to about 0.1 degree, a district)
       * @default null
       * @enum {string|null}
       */
      protection: 'restricted' | 'confidential' | 'secret' | null;
      /** @description Why it is corrected (required once the report was submitted) */
      reason?: string;
      version: number;
    };
    ReportVersion: {
      version: number;
      title: string;
      description: string;
      category: string;
      occurredAt: string;
      /** @enum {string} */
      timePrecision: 'exact' | 'day' | 'week';
      /** @description Rounded to 0.1 degree (district precision) when withheld */
      point: {
        latitude: number;
        longitude: number;
        /** @enum {string} */
        precision: 'exact' | 'district' | 'region';
      } | null;
      /** @description A named place and where the event lies from it; null when withheld */
      place: {
        name: string;
        distanceKm: number | null;
        direction: string | null;
      } | null;
      region: string | null;
      state: string | null;
      actors: string[];
      fatalities: number | null;
      injured: number | null;
      source: {
        /** @description Null when withheld */
        name: string | null;
        reliability: string;
        credibility: number;
      };
      /** @enum {string} */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /** @enum {string|null} */
      protection: 'public' | 'restricted' | 'confidential' | 'secret' | null;
      reason: string | null;
      /** @description Null when the reporter is withheld */
      changedBy: string | null;
      changedAt: string;
    };
    PublishReportInput: {
      /**
       * @default members
       * @enum {string}
       */
      to: 'members' | 'partners';
    };
    ReasonInput: {
      reason: string;
    };
    MergeReportInput: {
      /** Format: uuid */
      into: string;
      /** @default  */
      reason: string;
    };
    ReportCollection: {
      /** Format: uuid */
      id: string;
      name: string;
      description: string;
      /** @description The delegation that keeps it; null: the secretariat */
      ownerState: string | null;
      /** @description How many of its reports the caller may read */
      reports: number;
      createdBy: string;
      createdAt: string;
      abilities: {
        manage: boolean;
      };
    };
    CreateReportCollectionInput: {
      name: string;
      /** @default  */
      description: string;
    };
    ChangeReportCollectionInput: {
      /** @default [] */
      add: string[];
      /** @default [] */
      remove: string[];
    };
    SavedReportFilter: {
      /** Format: uuid */
      id: string;
      name: string;
      filter: {
        [key: string]: unknown;
      };
      createdAt: string;
    };
    SaveReportFilterInput: {
      name: string;
      filter: {
        status?: ('draft' | 'submitted' | 'under_review' | 'verified' | 'published' | 'archived')[];
        /** @description Category codes; a category includes its subcategories */
        category?: string[];
        region?: string[];
        /** Format: date-time */
        from?: string;
        /** Format: date-time */
        to?: string;
        /** @description Words in the title or text */
        q?: string;
        /** Format: uuid */
        collection?: string;
        /** Format: uuid */
        mission?: string;
        /** @description west,south,east,north in degrees; west > east crosses the antimeridian */
        bbox?: string;
        /** @enum {string} */
        mine?: 'true' | 'false';
      };
    };
    ObservationMission: {
      /** Format: uuid */
      id: string;
      reference: string;
      name: string;
      mandate: string;
      /** Format: uuid */
      mandateDecision: string | null;
      head: {
        /** Format: uuid */
        id: string;
        name: string;
        state: string | null;
      };
      members: {
        /** Format: uuid */
        id: string;
        name: string;
        state: string | null;
      }[];
      regions: string[];
      area: [number, number][] | null;
      from: string;
      to: string;
      /**
       * @description By today's date in the organisation's zone
       * @enum {string}
       */
      status: 'planned' | 'active' | 'ended';
      /** @enum {string} */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
      /** @description Reports its members filed for it (drafts left out) */
      reports: number;
      abilities: {
        manage: boolean;
        report: boolean;
        approveDaily: boolean;
      };
    };
    CreateMissionInput: {
      name: string;
      /** @default  */
      mandate: string;
      /**
       * Format: uuid
       * @description The decision that created the mission
       * @default null
       */
      mandateDecision: string | null;
      /**
       * Format: uuid
       * @description The head of mission
       */
      head: string;
      /** @default [] */
      members: string[];
      /** @default [] */
      regions: string[];
      /**
       * @description An outline: [longitude, latitude] pairs
       * @default null
       */
      area: [number, number][] | null;
      /** Format: date */
      startsOn: string;
      /** Format: date */
      endsOn: string;
      /**
       * @default restricted
       * @enum {string}
       */
      classification: 'public' | 'restricted' | 'confidential' | 'secret';
    };
    ChangeMissionInput: {
      name?: string;
      mandate?: string;
      /**
       * Format: uuid
       * @description The decision that created the mission
       */
      mandateDecision?: string | null;
      /** Format: uuid */
      head?: string;
      regions?: string[];
      /** @description An outline: [longitude, latitude] pairs */
      area?: [number, number][] | null;
      /** Format: date */
      startsOn?: string;
      /** Format: date */
      endsOn?: string;
      /** @description Why: "mandate renewed by decision No. 12" */
      reason: string;
    };
    ChangeMissionMembersInput: {
      /** @default [] */
      add: string[];
      /** @default [] */
      remove: string[];
    };
    MissionDailyReport: {
      day: string;
      /** @enum {string} */
      status: 'draft' | 'approved';
      summary: string;
      approvedAt: string | null;
      approvedBy: string | null;
      compiled: {
        day: string;
        zone: string;
        reports: number;
        fatalities: number;
        byCategory: {
          category: string;
          count: number;
        }[];
        notable: {
          /** Format: uuid */
          id: string;
          reference: string;
          title: string;
          category: string;
          fatalities: number | null;
          occurredAt: string;
        }[];
      };
    };
    ApproveDailyReportInput: {
      summary: string;
    };
    LevelOutcome: {
      region: string;
      from: number;
      to: number;
      /** @enum {string} */
      change: 'rose' | 'fell' | 'same';
      alert: {
        id: string;
        reference: string;
      } | null;
    } | null;
    EnterIndicatorValuesInput: {
      values: {
        /** @example 2026-03-02T06:00:00Z */
        at: string;
        value: number;
      }[];
    };
    IndicatorSeries: {
      indicator: {
        code: string;
        region: string;
        name: components['schemas']['Bilingual'];
        unit: components['schemas']['Bilingual'];
        /** @enum {string} */
        source: 'computed' | 'entered';
        /** @enum {string} */
        direction: 'rising' | 'falling';
        /** @description Each threshold with its level, to draw on the chart */
        thresholds: (components['schemas']['AlertLevel'] & {
          at: number;
        })[];
      };
      from: string;
      to: string;
      values: {
        at: string;
        value: number;
        /** @enum {string} */
        source: 'entered' | 'imported' | 'computed';
        /** @description The level this value puts the indicator at */
        level: number;
      }[];
      abilities: {
        enter: boolean;
      };
    };
    AlertLevel: {
      level: number;
      code: string;
      name: components['schemas']['Bilingual'];
      colour: string;
    };
    IndicatorImport: {
      /**
       * Format: uuid
       * @description The subject of its record entry
       */
      importId: string;
      lines: number;
      replaced: number;
      indicators: string[];
      regions: string[];
      levels: components['schemas']['LevelOutcome'][];
    };
    ImportIndicatorValuesInput: {
      /**
       * @description The file: a header `indicator,at,value`, then one value a line
       * @example indicator,at,value
       *     tj-af-bread-price,2026-03-02,6.4
       */
      csv: string;
    };
    RegionLevel: {
      region: {
        code: string;
        name: components['schemas']['Bilingual'];
        states: string[];
      };
      level: components['schemas']['AlertLevel'];
      /** @description Since when; null until first worked out */
      since: string | null;
      readings: components['schemas']['IndicatorReading'][];
      escalated: boolean;
      /** @description Alerts not closed that the reader may read */
      openAlerts: number;
    };
    IndicatorReading: {
      indicator: string;
      value: number | null;
      /** @description The instant of that value */
      at: string | null;
      level: number;
      threshold: {
        level: number;
        at: number;
      } | null;
    };
    LevelChange: {
      /** Format: uuid */
      id: string;
      at: string;
      from: components['schemas']['AlertLevel'];
      to: components['schemas']['AlertLevel'];
      /** @enum {string} */
      direction: 'rose' | 'fell';
      readings: components['schemas']['IndicatorReading'][];
      escalated: boolean;
      /**
       * Format: uuid
       * @description The automatic alert the rise opened
       */
      alert: string | null;
    };
    Alert: {
      /** Format: uuid */
      id: string;
      reference: string;
      region: string;
      states: string[];
      level: number;
      /** @enum {string} */
      origin: 'automatic' | 'raised';
      /** @enum {string} */
      status: 'open' | 'acknowledged' | 'escalated' | 'closed';
      title: string;
      description: string;
      classification: number;
      raisedBy: string;
      raisedAt: string;
      firstResponseAt: string | null;
      acknowledgedAt: string | null;
      escalatedAt: string | null;
      escalationNote: string | null;
      closedAt: string | null;
      closeReason: string | null;
      /** @description How long it has been open (until closed, if it is) */
      ageSeconds: number;
      /** @description From raised to the first step anyone took; null while nobody has */
      timeToFirstResponseSeconds: number | null;
      /** @description How long it has waited for a first response; null once answered */
      waitingSeconds: number | null;
      steps?: components['schemas']['AlertStep'][];
      abilities: {
        acknowledge: boolean;
        escalate: boolean;
        close: boolean;
      };
    };
    AlertStep: {
      /** @enum {string} */
      kind: 'opened' | 'acknowledged' | 'escalated' | 'closed';
      from: string | null;
      to: string;
      at: string;
      by: string;
      note: string | null;
    };
    RaiseAlertInput: {
      /** @example tj-af-border */
      region: string;
      level: number;
      title: string;
      /** @default  */
      description: string;
      /**
       * @description 0 public, 1 restricted (the default), 2 confidential, 3 secret
       * @default 1
       */
      classification: number;
    };
    AcknowledgeAlertInput: {
      note?: string;
    };
    EscalateAlertInput: {
      note?: string;
    };
    CloseAlertInput: {
      reason: string;
    };
    Home: {
      /** @description What waits on the caller, soonest first */
      attention: components['schemas']['AttentionItem'][];
      /** @description What closed since `since`, newest first */
      recent: components['schemas']['AttentionItem'][];
      /** @description The start of the "recently closed" window (ISO) */
      since: string;
    };
    AttentionItem: {
      /**
       * @description The module that contributed the item
       * @example decisions
       */
      module: string;
      /**
       * @description Module and kind; the UI words it in the reader’s language
       * @example decisions.stance_due
       */
      kind: string;
      /** @example procedure */
      subjectType: string;
      subjectId: string;
      /** @description The subject’s own short name (a title, a reference) */
      title: string;
      /**
       * @description The web path that opens it
       * @example /proposals/…
       */
      path: string;
      /** @description When it must be done by (ISO), if it has a deadline */
      dueAt: string | null;
      /** @description When it happened (ISO), for closed items */
      at: string | null;
      /** @description Facts the UI words: the state concerned, the result, a reference… */
      details: {
        [key: string]: string | number | boolean | null;
      };
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
