/** English messages of the patient's and the doctor's own profile pages. */
export const profilesEn = {
  'patient.title': 'My patient profile',
  'patient.fullName': 'Full name',
  'patient.dateOfBirth': 'Date of birth',
  'patient.gender': 'Gender',
  'patient.gender.none': 'Not stated',
  'patient.gender.MALE': 'Male',
  'patient.gender.FEMALE': 'Female',
  'patient.gender.OTHER': 'Other',
  'patient.phone': 'Phone',
  'patient.address': 'Address',
  'patient.save': 'Save',
  'patient.saved': 'Saved.',

  'doctor.title': 'My doctor profile',
  'doctor.fullName': 'Full name',
  'doctor.specialization': 'Specialization',
  'doctor.license': 'Licence number',
  'doctor.save': 'Save',
} as const
