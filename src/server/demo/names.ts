/**
 * Given names and surnames for fictitious participants: common in Sweden today, with the mix of
 * backgrounds the seeds describe (SFI and establishment, long-term unemployed, sick-listed).
 */

export const WOMEN_FIRST_NAMES = [
  'Anna', 'Maria', 'Eva', 'Karin', 'Sara', 'Emma', 'Elin', 'Johanna', 'Linnea', 'Ida',
  'Lena', 'Birgitta', 'Ingrid', 'Sofia', 'Fatima', 'Amina', 'Leila', 'Maryam', 'Hodan', 'Fadumo',
  'Zeynep', 'Aylin', 'Elif', 'Yasmin', 'Nour', 'Rana', 'Hiba', 'Shirin', 'Parisa', 'Sahar',
  'Agnieszka', 'Katarzyna', 'Jelena', 'Milica', 'Olena', 'Tigist', 'Selam', 'Linh', 'Aino', 'Dalia',
] as const;

export const MEN_FIRST_NAMES = [
  'Erik', 'Lars', 'Anders', 'Johan', 'Karl', 'Mikael', 'Peter', 'Daniel', 'Oskar', 'Emil',
  'Jonas', 'Björn', 'Mattias', 'Ali', 'Mohammed', 'Ahmed', 'Hassan', 'Omar', 'Yusuf', 'Abdi',
  'Mustafa', 'Ibrahim', 'Karim', 'Samir', 'Reza', 'Amir', 'Mehmet', 'Emre', 'Goran', 'Nikola',
  'Marko', 'Piotr', 'Tomasz', 'Andrei', 'Carlos', 'Tesfaye', 'Dawit', 'Minh', 'Juha', 'Dario',
] as const;

export const LAST_NAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson',
  'Svensson', 'Gustafsson', 'Pettersson', 'Lindberg', 'Lindqvist', 'Berg', 'Holm', 'Sjöberg',
  'Lundgren', 'Nyström', 'Öberg', 'Åberg', 'Ali', 'Mohamed', 'Hassan', 'Abdullahi', 'Warsame',
  'Ahmadi', 'Hosseini', 'Karimi', 'Haddad', 'Khalil', 'Yilmaz', 'Demir', 'Kaya', 'Nowak',
  'Kowalski', 'Petrović', 'Jovanović', 'Hodžić', 'Tesfay', 'Nguyen', 'Tran', 'Garcia', 'Virtanen',
  'Korhonen',
] as const;
