package extract

// Name cues that WordNet does not give, written out by hand: abbreviations
// of titles (WordNet reads "Col" as a mountain pass and "MD" as
// mendelevium), the adjectives of rank that open titles, the particles of
// names, companies' legal forms, country acronyms, and the heads of names
// WordNet's first sense misreads. All are closed,
// generic classes of English and news usage, never a word of an incident.

// titleAbbrevs are titles written short ("Mr", "Col.", "MD", "DSP").
var titleAbbrevs = words(`mr mrs ms miss dr prof gen col lt capt sgt maj adm cmdr cdr gov sen rep rev st fr insp supt
md ceo cfo coo cm pm mp mla mep dsp sp ig dig dgp sho acp cp`)

// rankWords are adjectives of rank inside a title ("former", "deputy").
var rankWords = words(`former late acting interim vice deputy senior junior chief first assistant additional joint
principal executive managing`)

// nameParticles join name words without being capitalised ("bin", "al").
var nameParticles = words(`al el bin ibn bint abu de del della der van von la le da dos du`)

// orgSuffixes are companies' legal forms ("Co.", "Ltd", "LLC").
var orgSuffixes = words(`co ltd inc corp llc plc limited pvt gmbh ag sa bv`)

// placePreps before a bare name hint at a place.
var placePreps = words(`in near outside across from into towards toward at via through`)

// countryAcronyms are acronyms of countries, which are places.
var countryAcronyms = words(`us u.s. usa u.s.a. uk u.k. uae eu`)

// headKinds override WordNet for a few heads of names whose first sense
// is not what they mean at the end of a name: "Center" is the middle of a
// place in WordNet, a body in "Soufan Center" or "Networks Centre".
var headKinds = map[string]string{"center": "org", "centre": "org"}

// compassAbbrevs are compass points written short ("SW China").
var compassAbbrevs = words(`n s e w ne nw se sw`)
