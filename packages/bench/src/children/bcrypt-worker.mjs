// One bcrypt compare, synchronously, inside a piscina worker thread (the hashing floor).
import bcrypt from 'bcryptjs'

export default function compare ({ password, hash }) {
  return bcrypt.compareSync(password, hash)
}
