import { describe, expect, it } from 'vitest';
import { backgroundOf } from './attachment.js';

/** The background reason for the marked date: `[[...]]` marks it in the sentence. */
function reason(marked: string, writingYear?: number) {
  const start = marked.indexOf('[[');
  const end = marked.indexOf(']]') - 2;
  return backgroundOf(marked.replace('[[', '').replace(']]', ''), start, end, { writingYear });
}

describe('backgroundOf', () => {
  it('keeps a date that is the time of the main clause', () => {
    expect(reason('The EU imposed its arms ban on China in [[1989]] after troops opened fire.')).toBeUndefined();
    expect(reason('[[On Sunday]], the minister said the talks had failed.')).toBeUndefined();
    expect(reason('Taylor was injured against Ireland in the [[2004]] Six Nations.')).toBeUndefined();
    expect(reason('Sony says it intends to ship three million consoles by [[March 2005]].')).toBeUndefined();
    expect(reason('The company said sales fell to $2bn from $3bn in 2003 and rose again in [[2004]].')).toBeUndefined();
  });

  it('sets aside the bounds of a state and the ends of a range', () => {
    expect(reason('The company has not laid off a worker since [[1945]].')).toBe('bound');
    expect(reason('The US will continue to drive expansion until [[2006]], albeit slowly.')).toBe('bound');
    expect(reason('Anger has grown since the end of [[2003]].')).toBe('bound');
    expect(reason('He instructed insurers to submit bids between [[2002]] and 2004.')).toBe('range');
    expect(reason('He represented Bristol East from 1983 to [[1992]].')).toBe('range');
  });

  it('sets aside the point a change is measured from', () => {
    expect(reason('Unemployment will slip below 13%, down from 20% in [[May 2002]].')).toBe('baseline');
    expect(reason('Revenues slipped from £3.24bn in [[2003]] to £2.89bn in 2004.')).toBe('baseline');
    expect(reason('The plan is much clearer than those in [[1997]].')).toBe('baseline');
    expect(reason('The economy grew 8%, a sharp turnaround from [[2002]] when output fell.')).toBe('baseline');
  });

  it('sets aside a year naming a thing rather than dating the clause', () => {
    expect(reason('The [[2004]] TV Moments will be shown on BBC One on Wednesday.')).toBe('modifier');
    expect(reason("The record is held by [[1995]]'s Lion King.")).toBe('modifier');
    expect(reason('The cardinal said [[2005]] should be the year for campaigning.')).toBe('subject');
  });

  it('sets aside a date inside a relative or subordinate clause', () => {
    expect(reason('Charles, who died in [[2004]], got honours including album of the year.')).toBe('relative');
    expect(reason('Harlin made a new version of the film which debuted in [[2004]].')).toBe('relative');
    expect(reason('Navratilova, who came back after retiring in [[1994]], will play in 2005.')).toBe('relative');
    expect(reason('She made a comeback after retiring in [[1994]] and will play doubles.')).toBe('subordinate');
  });

  it('sets aside a date in a participle clause set off from the main one, or in a participle with its agent', () => {
    expect(reason('The bill, proposed in [[1993]], has finally been approved.')).toBe('participle');
    expect(reason('Capped by Wales against Romania in [[2003]], Williams should figure on Monday.')).toBe('participle');
    expect(reason('The new system, due to start in [[2006]], would encourage more students.')).toBe('participle');
    expect(reason('Fiat owns a stake, having first bought into the business in [[1969]].')).toBe('participle');
    expect(reason('Argentina wiped out the surplus inherited by President Bush in [[2001]].')).toBe('participle');
    // Past tenses with an object, or a figure after `by`, are the main clause.
    expect(
      reason('Kenteris, 31, won gold at the Sydney Olympics in [[2000]], where Thanou won silver.'),
    ).toBeUndefined();
    expect(reason('Sales increased by 5% in [[2004]], the firm said.')).toBeUndefined();
    expect(reason('The court, in a ruling, rejected the appeal in [[2003]].')).toBeUndefined();
  });

  it('tells a relative clause opened by `that` from what is said or thought', () => {
    expect(reason('Liberia is recovering from a 14-year civil war that came to an end in [[2003]].')).toBe('relative');
    expect(reason('CES showcases new gadgets that will be hitting the shelves in [[2005]].')).toBe('relative');
    expect(reason('The bank estimates that remittances reached $45bn in [[2004]].')).toBeUndefined();
    expect(reason('The firm warned that it might restate its results in [[2005]].')).toBeUndefined();
    // Main and relative clause both past: told together, the date stays.
    expect(reason('They were killed in a strike that was ordered by the president on [[3 January]].')).toBeUndefined();
  });

  it('sets aside a concessive clause, a bound far from its preposition and an open-ended span', () => {
    expect(reason("The film has been overlooked, despite winning the Palme d'Or in [[2004]].")).toBe('concessive');
    expect(reason('Hansen has been sidelined since the European Cup in Poland in [[June 2004]].')).toBe('bound');
    expect(reason('It was the best performance since an 8.5% rise in [[1999]].')).toBe('bound');
    expect(reason('He signed a contract securing his future at the club until summer [[2008]].')).toBe('bound');
    expect(reason('Asia is set to drive global media growth to [[2008]] and beyond.')).toBe('bound');
    expect(reason('Airlines suffered after the terror attacks in [[2001]].')).toBe('bound');
  });

  it('sets aside the end of a measured period', () => {
    expect(reason('In the year ending [[31 December 2003]], Chalone reported revenues of $69.4m.')).toBe('period');
    expect(reason('BA looked ahead to its full year results to [[March 2005]].')).toBe('period');
    expect(reason('Growth in Japan evaporated in the three months to [[September]].')).toBe('period');
  });

  it('sets aside a date that names or qualifies a thing, but keeps a longer time it makes', () => {
    expect(reason('But they missed out on the prize for the Most Wanted game of [[2005]].')).toBe('modifier');
    expect(reason("He said the play's [[15 March]] opening date remains unchanged.")).toBe('modifier');
    expect(reason("He played the chief executive in [[1987]]'s Robocop.")).toBe('modifier');
    expect(reason('Stuff has compiled a list of the top 10 gadgets for [[2004]].')).toBe('modifier');
    expect(reason('Consumers are optimistic about [[2005]], a survey says.')).toBe('modifier');
    expect(reason('The visitors boosted figures to pre-[[11 September 2001]] levels.')).toBe('modifier');
    expect(reason('It expected [[2005]] to be a transitional year.')).toBe('subject');
    expect(reason('Prices rose 15.1% over the whole of [[2004]].')).toBeUndefined();
    expect(reason('The exchange remained closed for the [[Christmas]] holiday.')).toBeUndefined();
    expect(reason('The launch is planned for [[2005]].')).toBeUndefined();
  });

  it('sets aside a comparison by equality or with a figure, and a dated thing after a time preposition', () => {
    expect(reason('More than 13,000 people voted, twice as many as in [[2003]].')).toBe('baseline');
    expect(reason('Only two are British, compared to 16 of the 21 principals in [[1985]].')).toBe('baseline');
    expect(reason('The word will now appear in the [[2005]] version of the dictionary.')).toBe('modifier');
    expect(reason('Murray will eclipse the record set by Roger Becker back in [[1952]].')).toBe('participle');
    expect(reason('Your commander is Auric Goldfinger, last seen in [[1964]], but happily running.')).toBe(
      'participle',
    );
    expect(reason('Mr Sullivan said, referring to the entries in late [[2000]], "I knew it was wrong."')).toBe(
      'participle',
    );
    expect(reason('Mitsubishi has forecast a loss in its current financial year to [[March 2005]].')).toBe('period');
    expect(reason('Our aim is to reverse the share loss that we experienced in [[2004]].')).toBe('relative');
  });

  it('reads a joined year like the one before it, and a year that names or measures a thing', () => {
    expect(reason('It also warned it might have to restate results for 2004 and [[2005]].')).toBe('modifier');
    expect(reason('Airport ([[1968]]) arguably remains his best-loved work.')).toBe('modifier');
    expect(reason('It is a [[2048]]-bit long number.')).toBe('modifier');
    expect(reason('Fifa [[2005]] is back at the top of the charts.')).toBe('modifier');
    expect(reason('During [[2004]] about 25 million players were sold.')).toBeUndefined();
    expect(reason('Mr Lacroix plans to stay at the label he founded in [[1987]] although details are unclear.')).toBe(
      'relative',
    );
    expect(reason('The agreement dates back to the decision to buy 20% of the unit in [[2000]].')).toBe('bound');
    expect(reason('BHP plans to invest $1.9bn between now and [[2007]].')).toBe('range');
  });

  it('sets aside a fronted concession, an appositive noun phrase and an object relative clause', () => {
    expect(
      reason('Although one man, Sion Roberts, was convicted in [[1993]] of arson, the cases remain unsolved.'),
    ).toBe('concessive');
    expect(
      reason('It was followed by Thank You, winner of best single at the [[2004]] Mobos, which reached number two.'),
    ).toBe('appositive');
    expect(reason('No politician should make the mistake that John Major made in [[1992]] of saying so.')).toBe(
      'relative',
    );
    expect(reason('The economy hit a softer patch after rapid growth in the first half of [[2004]].')).toBe('bound');
    expect(reason('The market will swell from 81,000 units in [[2003]] to 106,000 in 2007.')).toBe('baseline');
    expect(reason('It was not hunting as described in the Hunting Act [[2004]].')).toBe('modifier');
    expect(reason('The firm, in [[2003]], sold its stake.')).toBeUndefined();
  });

  it('sets aside an earlier happening told by a participle after a noun in a present or future clause', () => {
    expect(reason('The meeting will assess the reform plans agreed in Lisbon in [[2000]].')).toBe('participle');
    expect(reason('Recent gains have not yet offset the market falls seen in [[2001]].')).toBe('participle');
    expect(reason('There is a meeting planned for [[7 January]] to sort it out.')).toBeUndefined();
    expect(
      reason('The Hansard Society has long campaigned for debates and published reports in [[1997]].'),
    ).toBeUndefined();
    expect(reason('Gains have been made by a 10,000-vote majority in [[2001]].')).toBeUndefined();
    expect(reason('Figures showed a drop in sales between the last quarter of [[2004]] and the previous year.')).toBe(
      'range',
    );
    expect(reason('Less than half want a ban, compared to almost two-thirds in [[1999]].')).toBe('baseline');
  });

  it('sets aside a likeness or contrast, the same period of another year and a span beyond a date', () => {
    expect(reason('The figures showed a performance comparable with [[2003]].')).toBe('baseline');
    expect(reason('Kennedy welcomed the quick conclusion to the election, unlike in [[2000]].')).toBe('baseline');
    expect(reason('Approvals fell to levels last seen in [[1995]].')).toBe('baseline');
    expect(reason('GE said orders were 15% higher than in the same period of [[2003]].')).toBe('baseline');
    expect(reason('The proposals exposed the country to commitments beyond [[2009]].')).toBe('bound');
  });

  it('reads the second year of a range as a range when a figure with a comma comes before it', () => {
    expect(reason('About 13,000 slaves were used as loan collateral between 1831 and [[1865]].')).toBe('range');
  });

  it('sets aside an appositive opened by a determiner after a name, but not a list after a clause', () => {
    expect(reason('Kenteris, the 200m champion in [[2000]], and Thanou have since been charged.')).toBe('appositive');
    expect(
      reason('He won the World Cup with France, the Champions League in [[1993]] with Marseilles, and the FA Cup.'),
    ).toBeUndefined();
    expect(
      reason('Overall, the report forecast growth of 3.6% in [[2004]], slipping to 2.9% next year.'),
    ).toBeUndefined();
  });

  it('sets aside a relative clause with a hyphenated verb and a participle before a name', () => {
    expect(reason('Scrushy is accused of fraud at the company he co-founded in Alabama in [[1984]].')).toBe('relative');
    expect(reason('The plant, licensed to Phytopharm in [[1997]], has been used for thousands of years.')).toBe(
      'participle',
    );
  });

  it('sets aside the deed a judgement is for, and what a work tells of', () => {
    expect(reason('Martin was jailed for shooting dead a burglar in [[1999]] as he ran away.')).toBe('subordinate');
    expect(reason('Consumers complained of being targeted for identity theft in [[2004]].')).toBeUndefined();
    expect(reason('The film also deals with the loss of his partner in [[1993]].')).toBe('topic');
    expect(reason('The documentary tells of a UN mission during the [[1994]] genocide.')).toBe('topic');
    expect(reason('This title, incidentally, is set in [[1992]], but that is neither here nor there.')).toBe('topic');
    expect(reason('I recall in [[1978]] he came to the UK for Top of the Pops.')).toBeUndefined();
    expect(
      reason('That is about half of what car makers need, and Saab halved its losses in [[2004]].'),
    ).toBeUndefined();
  });

  it('sets aside a year before the writing in a sentence told wholly in the present', () => {
    expect(reason('The latest donation follows a gift to the party in [[2003]].', 2005)).toBe('present');
    expect(reason('Capriati is a two-time champion in Melbourne with wins in [[2001]] and 2002.', 2004)).toBe(
      'present',
    );
    // The year of writing, a past verb, a plan or a forecast keeps it.
    expect(reason('There is no sign of a slowdown in [[2005]].', 2005)).toBeUndefined();
    expect(reason('The firm cut 500 jobs in [[2003]].', 2005)).toBeUndefined();
    expect(reason('Oil prices have broken records in [[2004]].', 2005)).toBeUndefined();
    expect(reason('UNECE is forecasting growth of 2.2% in [[2004]].', 2005)).toBeUndefined();
    // Without a writing year nothing is known to be past.
    expect(reason('The latest donation follows a gift to the party in [[2003]].')).toBeUndefined();
  });

  it('sets aside a date in an albeit phrase, after an event at a dated gathering, or in what is compared', () => {
    expect(reason('Saab is losing money fast - albeit with losses halved in [[2004]].')).toBe('concessive');
    expect(reason('Even after the influx of women MPs at the [[1997]] election, they feel stuck.')).toBe('bound');
    expect(reason('Mr Vaile compared the attempt to a similar bid by Shell for Woodside in [[2001]].')).toBe(
      'baseline',
    );
    expect(reason('BMW sold more than 100 of the models compared with just ten [[the previous year]].')).toBe(
      'baseline',
    );
  });

  it('sets aside the year a verb names, and a relative clause of a pronoun', () => {
    expect(reason('Meg Whitman called [[2004]] an "outstanding success".')).toBe('modifier');
    expect(reason('He called [[January 5]] the day of sovereignty, when parliament decided.')).toBeUndefined();
    expect(reason('It generated "tremendous momentum" for [[2005]].')).toBe('modifier');
    expect(reason('This is to finish something I started in [[1994]].')).toBe('relative');
  });

  it('sets aside a participle after the subject when a verb and its object follow the date', () => {
    expect(reason('Rules introduced in [[2002]] demand that net cafes be far from schools.')).toBe('participle');
    expect(reason('Controversial reforms passed in [[2001]] give the government the right.')).toBe('participle');
    expect(reason('Profits jumped in [[2004]] to the highest level.')).toBeUndefined();
    expect(reason('Sales increased in [[2004]] despite the slump.')).toBeUndefined();
  });

  it('reads a clause past a bracketed aside, a comma before the date, and a present passive', () => {
    expect(reason('Martin was jailed for life for murdering burglar Fred Barras, in [[1999]].')).toBe('subordinate');
    expect(
      reason('Ebbers is accused of being behind an $11bn (£6bn) fraud that saw the firm collapse in [[July 2002]].'),
    ).toBe('relative');
    // A present perfect main clause is no past: the damage told in the relative clause is background.
    expect(
      reason('The market has grown, however not enough to undo the damage that occurred during [[2001]] and 2002.'),
    ).toBe('relative');
  });

  it('sets aside the cues of the after6 errors', () => {
    // A comparison point by multiple or by a level seen; a record's year; a span opened `from ... on`.
    expect(reason('It made 210bn yuan last year, almost double the figure in [[2000]].')).toBe('baseline');
    expect(reason('Production was likely to surpass levels seen in [[2004]].')).toBe('baseline');
    expect(reason("His times were short of Greene's world record of 6.39secs from [[1998]].")).toBe('modifier');
    expect(reason('Investors hoped for a recovery from the contraction seen from [[April 2004]] on.')).toBe('bound');
    // A cause, a `since` clause past a dashed aside, a `having` clause with its own subject.
    expect(reason('She won her claim of unfair dismissal, resulting from her sacking in [[August 2003]].')).toBe(
      'bound',
    );
    expect(
      reason(
        'They have not been beaten by a club outside the Premiership for nine years, since Ipswich - then in the ' +
          'second tier - defeated them 0-1 after extra time in a third round replay at Ewood Park on [[16 January 1996]].',
      ),
    ).toBe('subordinate');
    expect(reason('Aurora is one vessel in the fleet, the P&O group having been merged into it in [[2003]].')).toBe(
      'participle',
    );
    // The year a speaker characterises; a range written as one expression.
    expect(reason('Chairman Louis Schweitzer said [[2004]] had been a "great year" for the firm.')).toBe('subject');
    expect(
      reason('Said Mr Hogan, [[2004]] saw a significant rise in criminal use of malicious programs.'),
    ).toBeUndefined();
    expect(reason('Pew ran an online survey [[between March and April 2004]].')).toBe('range');
  });

  it('reads an -ed word after a determiner or a preposition as no past, and `to` before a name as no infinitive', () => {
    expect(reason('Jugnot plays a music teacher at a school for troubled boys in [[1949]].', 2005)).toBe('present');
    expect(reason("Ebbers is on trial for fraud in relation to WorldCom's collapse in [[2002]].", 2005)).toBe(
      'present',
    );
  });

  it('sets aside the cues of the after8 errors', () => {
    // What is recovered from, contrasted with or commemorated.
    expect(reason("Turkey's economy has steadily recovered from a severe crisis in [[2001]].")).toBe('bound');
    expect(reason('A poor summer - in contrast to the heat wave in [[2003]] - affected demand.')).toBe('baseline');
    expect(reason('The truce came on the anniversary of the death of the Notorious BIG in [[1997]].')).toBe('modifier');
    expect(
      reason(
        'May played at a concert to celebrate the 50th anniversary of the Stratocaster in London in [[September]].',
      ),
    ).toBeUndefined();
    // The year a clause characterises, but not the year something happens in.
    expect(reason('[[2004]] was a "stellar year" said Roger Bennett.')).toBe('subject');
    expect(reason('If [[2004]] has been the year of the portable music player, 2005 will be another.')).toBe('subject');
    expect(reason('[[2005]] is the first year a dedicated competition is being held.')).toBeUndefined();
    // An appositive closing the sentence after a name; spans with a month or a clause before their end.
    expect(reason('Williams was drawn with second seed Amelie Mauresmo, a runner-up in [[1999]].')).toBe('appositive');
    expect(reason('The PTC monitored the output from 20 March to [[27 March 2004]].')).toBe('range');
    expect(reason("Partridge worked with Marley from [[1977]] until the musician's death in 1981.")).toBe('range');
  });

  it('sets aside the cues of the after9 errors', () => {
    expect(reason('They have a good record there, having won their first two games there, in [[1999]] and 2001.')).toBe(
      'participle',
    );
    expect(reason('It ran the campaign, a role successfully carried out by Mr Brown in both [[1997]] and 2001.')).toBe(
      'participle',
    );
    expect(reason('It was pre-ordered 420,000 times prior to its release in [[June 2003]].')).toBe('bound');
    expect(reason('"[[2004]] has proven to be an important year for us," said Sir Anthony.')).toBe('subject');
    expect(reason('The drop was partly due to [[2003]] being an especially good year for British films.')).toBe(
      'subject',
    );
    expect(reason('Standard Life came in for criticism for sticking with shares during [[2001]] and 2002.')).toBe(
      'subordinate',
    );
    expect(reason('"Kirkcaldy, the birthplace in [[1723]] of Adam Smith, is where your chancellor was reared.')).toBe(
      'appositive',
    );
  });

  it('sets aside a date in a `where` clause, and in a relative clause past a bracketed figure', () => {
    expect(reason('She returned to the club where she won her first title in [[1987]].')).toBe('relative');
    expect(reason('Fans sang about the final, where ten players were sent off in [[May 1990]].')).toBe('relative');
    expect(reason('The bank, which was sold for £2bn ($3.7bn) in [[1998]], is owned by a fund.')).toBe('relative');
    // The date before the clause still dates the main one.
    expect(reason('He won gold in Sydney in [[2000]], where his brother won bronze.')).toBeUndefined();
  });

  it('sets aside a date in an aside between dashes or brackets, not one that opens on a time preposition', () => {
    expect(reason('The court rejected the appeal - lodged in [[2001]] by the firm - on Tuesday.')).toBe('appositive');
    expect(reason('The museum (which opened in [[1977]] in Paris) closed on Monday.')).toBe('relative');
    expect(reason('The drug (its maker won approval for it in [[1999]]) was withdrawn on Monday.')).toBe('appositive');
    expect(reason('The panel - in a vote on [[3 May]] - rejected the claim.')).toBeUndefined();
  });

  it('sets aside a noun phrase set off by commas with its own participle, but not a main clause after an opener', () => {
    expect(reason('John Smith, one of the MPs elected in [[1997]], told the inquiry he was bullied.')).toBe(
      'appositive',
    );
    expect(reason('The firm will sell its stake to Ford, part of a deal signed in [[2001]].')).toBe('appositive');
    expect(reason('However, the economy contracted by 0.2% in [[2004]], mainly due to weak demand.')).toBeUndefined();
  });

  it('sets aside a reason clause and a fronted clause of time, but not a reason after a copula', () => {
    expect(reason('Shares fell because the regulator revoked its licence in [[2003]].')).toBe('subordinate');
    expect(
      reason(
        'Since the first plant, the one at Calder Hall, began producing power in [[1956]], output has grown tenfold.',
      ),
    ).toBe('subordinate');
    expect(reason('That is because the voting age was lowered to 18 in [[1969]].')).toBeUndefined();
  });

  it('sets aside the end of a counted period, the second end of a range after a dated first, and a listed name', () => {
    expect(reason('Prices may fall after three years of steady gains to [[2004]].')).toBe('period');
    expect(reason('Some 900 cars were stolen between March 2002 and [[2003]], police said.')).toBe('range');
    expect(reason('Phones running Symbian 6, 7, NT, [[2000]], and CE were hit.')).toBe('modifier');
    // One short name before the comma is no list.
    expect(reason('In the US, [[2004]] saw record sales.')).toBeUndefined();
  });

  it('sets aside a range opened by a month alone, and a figure something is ahead of', () => {
    expect(reason('The poll was run between May and [[June 2003]] across Europe.')).toBe('range');
    expect(reason('Output rose 3%, ahead of the 1.8% seen in [[2002]].')).toBe('baseline');
  });

  it('sets aside a pluperfect relative clause, a participle after a present perfect, and a set-off participle with its object', () => {
    expect(reason('Prices fell most in Leeds, a city that had seen rapid growth in [[2003]].')).toBe('relative');
    expect(reason('The firms have already paid most of the sums in a deal struck with the states in [[1998]].')).toBe(
      'participle',
    );
    expect(reason('Jones, voted player of the year by the fans in [[2001]], also played cricket.')).toBe('participle');
    // An opening time phrase is no subject.
    expect(reason('In [[May 2003]], named after its founder, the firm opened.')).toBeUndefined();
  });
});
