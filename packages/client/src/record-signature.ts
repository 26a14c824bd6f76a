/** Record signatures, for browsers and Node: the shared definition lives in @rekam/record-signature. */
export * from '@rekam/record-signature'
