import type { profilesEn } from './profiles-en.js'

/** Bahasa Indonesia for the patient's and the doctor's own profile pages. */
export const profilesId: Record<keyof typeof profilesEn, string> = {
  'patient.title': 'Profil pasien saya',
  'patient.fullName': 'Nama lengkap',
  'patient.dateOfBirth': 'Tanggal lahir',
  'patient.gender': 'Jenis kelamin',
  'patient.gender.none': 'Tidak disebutkan',
  'patient.gender.MALE': 'Laki-laki',
  'patient.gender.FEMALE': 'Perempuan',
  'patient.gender.OTHER': 'Lainnya',
  'patient.phone': 'Telepon',
  'patient.address': 'Alamat',
  'patient.save': 'Simpan',
  'patient.saved': 'Tersimpan.',

  'doctor.title': 'Profil dokter saya',
  'doctor.fullName': 'Nama lengkap',
  'doctor.specialization': 'Spesialisasi',
  'doctor.license': 'Nomor STR',
  'doctor.save': 'Simpan',
}
